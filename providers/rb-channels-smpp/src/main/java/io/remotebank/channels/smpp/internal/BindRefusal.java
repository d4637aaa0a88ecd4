package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.smpp.pdu.CommandStatus;
import org.apiguardian.api.API;

/**
 * What the client does when the SMSC refuses a bind, by the command_status of the bind_resp (or of
 * a generic_nack to the bind).
 *
 * <p>SMPP 3.4 section 5.1.3 names the statuses but not whether binding again may help; this decides
 * it. Retrying a refusal that cannot change is harmful as well as useless: an SMSC that counts wrong
 * passwords locks the account after a few.
 *
 * <ul>
 *   <li><b>Permanent</b> (the client stops, reports the refusal and never binds again with these
 *       settings): ESME_RINVPASWD (0x0E, "Invalid Password") and ESME_RINVSYSID (0x0F, "Invalid
 *       System ID"): the credentials are wrong; ESME_RINVSYSTYP (0x53, "Invalid system_type
 *       field"): the configured system_type is refused; ESME_RINVCMDID (0x03, "Invalid Command
 *       ID"): the SMSC does not serve this bind command (an SMPP 3.3 SMSC asked for
 *       bind_transceiver). The same bind sent again gets the same answer.
 *   <li><b>Unbind first</b>: ESME_RALYBND (0x05, "ESME Already in Bound State"): the SMSC still
 *       holds a bind on this connection; unbind, then bind again.
 *   <li><b>Retried</b> with the reconnect back-off (the delay doubles up to its maximum): every
 *       other status. ESME_RBINDFAIL (0x0D, "Bind Failed") says nothing about why; SMSCs send it
 *       when their session table is full, a bind limit per account is reached or they are
 *       overloaded, all of which clear. ESME_RSYSERR, ESME_RTHROTTLED, ESME_RINVBNDSTS, reserved and
 *       vendor-specific codes (0x400-0x4FF) are retried for the same reason.
 * </ul>
 */
@API(status = INTERNAL, since = "0.1")
public final class BindRefusal {

    /** What to do about a refused bind. */
    @API(status = INTERNAL, since = "0.1")
    public enum Action {
        /** Close the connection and bind again after the reconnect back-off. */
        RETRY,
        /** Send unbind on this connection, then bind again. */
        UNBIND_THEN_RETRY,
        /** Stop: report the refusal, fail what is queued, never bind again. */
        STOP
    }

    private BindRefusal() {}

    /**
     * What to do about a bind refused with this command_status.
     *
     * @param commandStatus the status of the bind_resp or generic_nack, not 0
     * @return the action
     */
    public static Action actionFor(int commandStatus) {
        if (permanent(commandStatus)) {
            return Action.STOP;
        }
        return commandStatus == CommandStatus.ESME_RALYBND.code() ? Action.UNBIND_THEN_RETRY : Action.RETRY;
    }

    /**
     * Whether binding again with the same settings cannot succeed.
     *
     * @param commandStatus the status of the bind_resp or generic_nack
     * @return true for ESME_RINVPASWD, ESME_RINVSYSID, ESME_RINVSYSTYP and ESME_RINVCMDID
     */
    public static boolean permanent(int commandStatus) {
        return commandStatus == CommandStatus.ESME_RINVPASWD.code()
                || commandStatus == CommandStatus.ESME_RINVSYSID.code()
                || commandStatus == CommandStatus.ESME_RINVSYSTYP.code()
                || commandStatus == CommandStatus.ESME_RINVCMDID.code();
    }
}
