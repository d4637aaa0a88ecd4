package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One check made on a document, passed or failed, and why.
 *
 * @param name a stable name, e.g. {@code check-character}, {@code birth-date}, {@code
 *     composite-check-digit}; the guide lists them per document
 * @param passed whether the document passed it
 * @param reason why, for people; never contains personal data beyond a single check character
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Check(String name, boolean passed, String reason) {

    /** Validates the parts. */
    public Check {
        DocumentException.required(name, "name");
        DocumentException.required(reason, "reason");
    }

    static Check pass(String name, String reason) {
        return new Check(name, true, reason);
    }

    static Check fail(String name, String reason) {
        return new Check(name, false, reason);
    }

    static Check of(String name, boolean passed, String reason) {
        return new Check(name, passed, reason);
    }

    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + name + ": " + reason;
    }
}
