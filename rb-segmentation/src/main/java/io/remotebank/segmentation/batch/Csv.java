package io.remotebank.segmentation.batch;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated fields, double-quoted when they hold a comma, a quote or a line break
 * (quotes doubled inside), records ended by CRLF or LF. The reader tells the line each record starts on.
 * Writing goes through rb-core's {@code CsvCell}, which also neutralises spreadsheet formulas.
 */
final class Csv {

    private Csv() {}

    /** One record and the line it starts on. */
    record Row(long line, List<String> fields) {}

    /** A malformed record (an unterminated quote, text after a closing quote). */
    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long line;

        FormatException(long line, String message) {
            super(message);
            this.line = line;
        }

        /** The line the record starts on. */
        long line() {
            return line;
        }
    }

    /** Reads records one at a time. */
    static final class RecordReader {
        private final Reader in;
        private long line = 1;
        private int pushedBack = -2;
        private long taken;

        /**
         * Reads from a character stream.
         *
         * @param in the stream (buffered by the caller)
         */
        RecordReader(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            int c = in.read();
            if (c >= 0) {
                taken++;
            }
            return c;
        }

        /**
         * How many characters of the stream the records returned so far were made of (line breaks
         * included), e.g. to tell which record a bad byte of the input belongs to.
         *
         * @return a count of characters from the start of the stream
         */
        long position() {
            return pushedBack >= 0 ? taken - 1 : taken;
        }

        /**
         * The next record, or null at the end.
         *
         * @return the record
         * @throws IOException if reading fails
         * @throws FormatException if the record is malformed (the rest of its line is skipped)
         */
        Row next() throws IOException, FormatException {
            int c = read();
            if (c < 0) {
                return null;
            }
            long start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean afterQuote = false;
            while (true) {
                if (c < 0) {
                    if (quoted) {
                        throw new FormatException(start, "a quoted field is not closed");
                    }
                    fields.add(field.toString());
                    return new Row(start, fields);
                }
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            afterQuote = true;
                            c = d;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') {
                            pushedBack = d;
                        }
                    }
                    line++;
                    fields.add(field.toString());
                    return new Row(start, fields);
                } else if (c == '"' && field.length() == 0 && !afterQuote) {
                    quoted = true;
                } else if (afterQuote) {
                    skipLine();
                    throw new FormatException(start, "text after a closing quote");
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }

        private void skipLine() throws IOException {
            int c;
            while ((c = read()) >= 0 && c != '\n') {
                // Discard the rest of the malformed record's line.
            }
            line++;
        }
    }
}
