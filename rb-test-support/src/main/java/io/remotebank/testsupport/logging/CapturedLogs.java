package io.remotebank.testsupport.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every log line written through SLF4J during the test run, until a check drains it. */
public final class CapturedLogs {

    /**
     * One formatted log line.
     *
     * @param level TRACE to ERROR
     * @param logger the logger's name
     * @param thread the thread that logged it
     * @param text the formatted message, with the stack trace of an exception if one was logged
     */
    public record Line(String level, String logger, String thread, String text) {}

    private static final ConcurrentLinkedQueue<Line> LINES = new ConcurrentLinkedQueue<>();

    private CapturedLogs() {}

    static void add(Line line) {
        LINES.add(line);
    }

    /** Removes and returns everything captured so far. */
    public static List<Line> drain() {
        List<Line> out = new ArrayList<>();
        for (Line line; (line = LINES.poll()) != null; ) {
            out.add(line);
        }
        return out;
    }
}
