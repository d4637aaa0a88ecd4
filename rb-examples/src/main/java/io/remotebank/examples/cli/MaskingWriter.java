package io.remotebank.examples.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.pii.Mask;
import java.io.IOException;
import java.io.Writer;
import org.apiguardian.api.API;

/**
 * The one place where {@code rb} output is masked: a writer that passes text on a line at a time,
 * each line through {@link Mask#text(String)}, so every phone, identity document, card number and
 * e-mail address a command prints on stdout or stderr (text, JSON, error messages) is masked, whatever
 * the command forgot. {@code RbCli.configure} puts one in front of a command's stdout and stderr
 * unless {@code --unmasked} was given.
 *
 * <p>Text is held until its line ends, so that a number written in pieces is still seen whole:
 * {@link #flush()} passes on complete lines only, {@link #close()} passes on the rest. A line longer
 * than 65,536 characters is passed on at its last delimiter ({@code , ; " } ] |}, tab), where no
 * personal data can be cut in two.
 */
@API(status = INTERNAL, since = "0.1")
public final class MaskingWriter extends Writer {

    /** The most characters held back waiting for the end of a line. */
    static final int MAX_PENDING = 64 * 1024;

    private final Writer out;
    private final StringBuilder pending = new StringBuilder();
    private boolean closed;

    /**
     * Masks what is written before passing it on.
     *
     * @param out where the masked text goes; it is flushed, never closed, by this writer
     */
    public MaskingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        synchronized (lock) {
            ensureOpen();
            int from = pending.length();
            pending.append(cbuf, off, len);
            passCompleteLines(from);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        synchronized (lock) {
            ensureOpen();
            int from = pending.length();
            pending.append(str, off, off + len);
            passCompleteLines(from);
        }
    }

    /** Passes on complete lines and flushes; a line not yet ended waits for its end or {@link #close()}. */
    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (!closed) {
                out.flush();
            }
        }
    }

    /** Passes on everything held back and flushes; the underlying writer stays open. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            pass(pending.length());
            out.flush();
            closed = true;
        }
    }

    /** Passes on every complete line; what is held back never has a line break, so only new text is searched. */
    private void passCompleteLines(int from) throws IOException {
        int end = 0;
        for (int i = pending.length() - 1; i >= from; i--) {
            if (pending.charAt(i) == '\n') {
                end = i + 1;
                break;
            }
        }
        if (end == 0 && pending.length() > MAX_PENDING) {
            end = lastDelimiter() + 1;
            if (end == 0) {
                end = pending.length(); // nothing to cut at: a run of letters and digits this long is masked as one
            }
        }
        if (end > 0) {
            pass(end);
        }
    }

    private int lastDelimiter() {
        for (int i = pending.length() - 1; i >= 0; i--) {
            char c = pending.charAt(i);
            if (c == ',' || c == ';' || c == '"' || c == '}' || c == ']' || c == '|' || c == '\t') {
                return i;
            }
        }
        return -1;
    }

    private void pass(int end) throws IOException {
        if (end == 0) {
            return;
        }
        String text = pending.substring(0, end);
        pending.delete(0, end);
        out.write(Mask.text(text));
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the masking writer is closed");
        }
    }
}
