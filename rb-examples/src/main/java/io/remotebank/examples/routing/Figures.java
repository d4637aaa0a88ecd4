package io.remotebank.examples.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.routing.RoutingException;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Shared option checks and number formatting of the routing commands. */
final class Figures {

    private Figures() {}

    /** A positive, finite number of seconds as a duration; bad usage otherwise. */
    static Duration seconds(CommandSpec spec, String option, double seconds) {
        if (!(seconds > 0) || seconds > 1e9) {
            throw usage(spec, option + " must be a number of seconds greater than 0 (got " + seconds + ")");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Turns a refused argument of the routing API into bad usage (exit code 2). */
    static ParameterException usage(CommandSpec spec, RoutingException e) {
        return new ParameterException(spec.commandLine(), e.getMessage(), e);
    }

    static String percent(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.2f%%", p * 100) : "n/a";
    }

    static String secondsText(double s) {
        if (Double.isNaN(s)) {
            return "n/a";
        }
        return Double.isInfinite(s) ? "unbounded" : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** Puts a number, or null where it is infinite or undefined (JSON has neither). */
    static void put(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
