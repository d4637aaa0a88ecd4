package io.remotebank.signaling.sip.dialog;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import org.apiguardian.api.API;

/**
 * What identifies a dialog at one user agent (RFC 3261 12): the Call-ID, the local tag and the
 * remote tag (empty while the UAC has seen no tagged response).
 *
 * @param callId the Call-ID
 * @param localTag the tag this user agent chose
 * @param remoteTag the peer's tag
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DialogId(String callId, String localTag, String remoteTag) {

    /** Checks the parts. */
    public DialogId {
        Arguments.notNull(callId, "callId");
        Arguments.notNull(localTag, "localTag");
        Arguments.notNull(remoteTag, "remoteTag");
        if (callId.isEmpty() || localTag.isEmpty()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "a dialog id needs a Call-ID and a local tag");
        }
    }
}
