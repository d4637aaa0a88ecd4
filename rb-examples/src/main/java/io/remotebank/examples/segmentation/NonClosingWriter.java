package io.remotebank.examples.segmentation;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer onto the command's stdout whose {@code close()} only flushes: the segmentation commands
 * write their CSV through a try-with-resources, and stdout must stay open after the command.
 */
final class NonClosingWriter extends Writer {

    private final PrintWriter out;

    NonClosingWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        out.write(cbuf, off, len);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
