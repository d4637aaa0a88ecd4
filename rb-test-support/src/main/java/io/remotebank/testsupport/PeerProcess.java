package io.remotebank.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * Runs a peer program (sipp, openssl...) to its end, its output in a log file, for tests whose
 * verdict is the peer's own exit code.
 */
public final class PeerProcess {

    private static final int TAIL = 4_000;

    private PeerProcess() {}

    /**
     * How the run ended.
     *
     * @param ended whether the program ended within the time allowed (it is killed otherwise)
     * @param exitCode its exit code, -1 when it was killed
     * @param outputTail the last 4,000 characters of its output (stdout and stderr), for messages
     */
    public record Result(boolean ended, int exitCode, String outputTail) {

        /**
         * Fails the test unless the program ended in time with exit code 0 (a peer's verdict that all
         * went well); the message carries its output.
         */
        public void assertSucceeded() {
            Assertions.assertTrue(ended, () -> "the peer did not end in time; its output:\n" + outputTail);
            Assertions.assertEquals(0, exitCode, () -> "the peer's exit code; its output:\n" + outputTail);
        }
    }

    /**
     * Runs a program in a directory and waits for it.
     *
     * @param command the program and its arguments
     * @param dir the working directory; the output goes to {@code <program>.out} in it
     * @param timeout how long it may run
     * @return how it ended
     * @throws IOException when it cannot be started or its output read
     * @throws InterruptedException when the test is interrupted while waiting
     */
    public static Result run(List<String> command, Path dir, Duration timeout)
            throws IOException, InterruptedException {
        Path log = log(command, dir);
        Process p = start(command, dir);
        boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Result(ended, ended ? p.exitValue() : -1, tail(log));
    }

    /** Where a program's output goes: {@code <program>.out} in its working directory. */
    static Path log(List<String> command, Path dir) {
        return dir.resolve(Path.of(command.get(0)).getFileName() + ".out");
    }

    /** Starts a program in a directory, its output (stdout and stderr) to its {@link #log}. */
    static Process start(List<String> command, Path dir) throws IOException {
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log(command, dir).toFile())
                .start();
    }

    /** The last 4,000 characters of a log file. */
    static String tail(Path log) throws IOException {
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return output.length() > TAIL ? output.substring(output.length() - TAIL) : output;
    }
}
