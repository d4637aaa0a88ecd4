package io.remotebank.testsupport.logging;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Fails a test when anything logged during it (or since the previous check) holds an unmasked ID or
 * phone number. Registered for every module's tests through JUnit's extension auto-detection (the
 * parent POM enables it); the failure message redacts what it reports.
 */
public final class PiiLogGuard implements AfterEachCallback, AfterAllCallback {

    /** For ServiceLoader. */
    public PiiLogGuard() {}

    @Override
    public void afterEach(ExtensionContext context) {
        check(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context.getDisplayName() + " (class-level)");
    }

    private static void check(String where) {
        List<String> leaks = new ArrayList<>();
        for (CapturedLogs.Line line : CapturedLogs.drain()) {
            List<UnmaskedPii.Finding> found = UnmaskedPii.find(line.text());
            if (!found.isEmpty()) {
                leaks.add(line.level() + " " + line.logger() + ": " + UnmaskedPii.redact(line.text()));
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionFailedError("unmasked personal data in log output during " + where
                    + " (mask it with io.remotebank.core.pii.Mask or wrap it in Sensitive):\n  "
                    + String.join("\n  ", leaks));
        }
    }
}
