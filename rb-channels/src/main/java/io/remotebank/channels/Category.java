package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** What a message is, which decides the rules it is sent under. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Category {
    /** A one-time password or verification code: sent at any time, never needs marketing consent. */
    OTP,
    /** About a transaction the customer made (a debit, a transfer): sent at any time. */
    TRANSACTIONAL,
    /** A service notice (a card expires, a statement is ready). */
    NOTIFICATION,
    /** Marketing: needs consent, an approved template and the quiet hours (08:00-20:00 by default). */
    MARKETING;

    /** The stable lower-case text form. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
