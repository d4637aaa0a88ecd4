package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.ChannelsError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** Syntax and masking of app ids and user ids in addresses. */
@API(status = INTERNAL, since = "0.1")
public final class AddressSyntax {
    private static final Pattern APP = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");

    private AddressSyntax() {}

    /**
     * Checks an app id or corp id.
     *
     * @param id the id
     */
    public static void app(String id) {
        Arguments.notNull(id, "app id");
        if (!APP.matcher(id).matches()) {
            throw new ValidationException(
                    ChannelsError.ADDRESS_INVALID, "an app or corp id is 1-64 characters of A-Z a-z 0-9 _ -");
        }
    }

    /**
     * Checks an open id or user id.
     *
     * @param id the id
     * @param what its name in the message
     */
    public static void user(String id, String what) {
        Arguments.notNull(id, what);
        if (!USER.matcher(id).matches()) {
            throw new ValidationException(
                    ChannelsError.ADDRESS_INVALID, "a " + what + " is 1-128 characters of A-Z a-z 0-9 _ . @ -");
        }
    }

    /**
     * Masks a user id: its first four characters remain.
     *
     * @param id the id
     * @return the masked form
     */
    public static String mask(String id) {
        return id.length() <= 4 ? "****" : id.substring(0, 4) + "****";
    }
}
