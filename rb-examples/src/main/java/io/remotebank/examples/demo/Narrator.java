package io.remotebank.examples.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's console narrative: each line carries the scripted bank time; acts are numbered so an
 * evaluator sees the progress. Lines are kept for the HTML report. In {@code --json} mode nothing is
 * printed (stdout carries only the JSON document).
 */
final class Narrator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One narrated line: the bank time, the act it belongs to, and the text. */
    record Line(String time, int act, String text) {}

    private final PrintWriter out;
    private final boolean quiet;
    private final Clock clock;
    private final int acts;
    private final List<Line> lines = new ArrayList<>();
    private int act;

    Narrator(PrintWriter out, boolean quiet, Clock clock, int acts) {
        this.out = out;
        this.quiet = quiet;
        this.clock = clock;
        this.acts = acts;
    }

    /** Starts the next act with a heading. */
    void act(String title) {
        act++;
        emit("[" + act + "/" + acts + "] " + title);
    }

    /** A line of the current act. */
    void say(String text) {
        emit("      " + text);
    }

    private void emit(String text) {
        String time = LocalTime.ofInstant(clock.instant(), clock.getZone()).format(TIME);
        lines.add(new Line(time, act, text.strip()));
        if (!quiet) {
            out.println(time + "  " + text);
            out.flush();
        }
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }
}
