package io.remotebank.testsupport.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Formats every call at every level, records it, and echoes those at or above a threshold to stderr. */
final class CapturingLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    /** The level echoed to stderr: RB_TEST_LOG_LEVEL, WARN by default. */
    private static final Level ECHO = echoLevel();

    CapturingLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return true;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        String text = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            text = text + System.lineSeparator() + trace;
        }
        String thread = Thread.currentThread().getName();
        CapturedLogs.add(new CapturedLogs.Line(level.name(), name, thread, text));
        if (level.toInt() >= ECHO.toInt()) {
            System.err.println("[" + level + "] [" + thread + "] " + name + " - " + text);
        }
    }

    private static Level echoLevel() {
        String setting = System.getenv("RB_TEST_LOG_LEVEL");
        if (setting == null || setting.isBlank()) {
            return Level.WARN;
        }
        try {
            return Level.valueOf(setting.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.WARN;
        }
    }
}
