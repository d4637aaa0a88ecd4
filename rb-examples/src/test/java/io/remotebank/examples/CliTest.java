package io.remotebank.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/** A base for command tests: runs {@code rb} in-process and keeps what it printed. */
public abstract class CliTest {

    /** What the last run printed to stdout. */
    protected StringWriter out;

    /** What the last run printed to stderr. */
    protected StringWriter err;

    /**
     * Runs {@code rb} with the given arguments.
     *
     * @param args the command line
     * @return the exit code
     */
    protected int rb(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return RbCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** The last run's stdout as JSON. */
    protected JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }
}
