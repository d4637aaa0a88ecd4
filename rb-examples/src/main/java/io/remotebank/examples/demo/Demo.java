package io.remotebank.examples.demo;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.examples.cli.OutputOptions;
import java.io.PrintWriter;
import org.apiguardian.api.API;

/** A runnable demo of {@code rb demo}: a scripted piece of a remote bank's day. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Demo {

    /** The name given to {@code rb demo NAME}: lower case words joined by hyphens. */
    String name();

    /** One line saying what the demo shows. */
    String summary();

    /**
     * Runs the demo.
     *
     * @param out where the narration and results go (stdout)
     * @param err where progress and warnings go (stderr)
     * @param output the {@code --json} / {@code --unmasked} choice
     * @return an exit code (see {@link io.remotebank.examples.cli.ExitCodes})
     * @throws Exception on a runtime failure: {@code rb} exits with 3
     */
    int run(PrintWriter out, PrintWriter err, OutputOptions output) throws Exception;
}
