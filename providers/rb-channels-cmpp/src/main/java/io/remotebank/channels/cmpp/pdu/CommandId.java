package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The Command_Id of each SP-to-ISMG message (CMPP 3.0 section 7.3, table of command ids); a
 * response's id is its request's with the high bit set. The ISMG-to-ISMG and management commands
 * (CMPP_FWD, the route updates and CMPP_PUSH_MO_ROUTE_UPDATE family) are not an SP's business and are
 * not decoded.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CommandId {
    /** CMPP_CONNECT: the SP logs in. */
    CONNECT(0x0000_0001),
    /** CMPP_CONNECT_RESP. */
    CONNECT_RESP(0x8000_0001),
    /** CMPP_TERMINATE: either side ends the connection. */
    TERMINATE(0x0000_0002),
    /** CMPP_TERMINATE_RESP. */
    TERMINATE_RESP(0x8000_0002),
    /** CMPP_SUBMIT: the SP submits a mobile-terminated message. */
    SUBMIT(0x0000_0004),
    /** CMPP_SUBMIT_RESP. */
    SUBMIT_RESP(0x8000_0004),
    /** CMPP_DELIVER: the ISMG delivers a mobile-originated message or a status report. */
    DELIVER(0x0000_0005),
    /** CMPP_DELIVER_RESP. */
    DELIVER_RESP(0x8000_0005),
    /** CMPP_QUERY: the SP asks for its traffic statistics. */
    QUERY(0x0000_0006),
    /** CMPP_QUERY_RESP. */
    QUERY_RESP(0x8000_0006),
    /** CMPP_CANCEL: the SP withdraws a message not yet delivered. */
    CANCEL(0x0000_0007),
    /** CMPP_CANCEL_RESP. */
    CANCEL_RESP(0x8000_0007),
    /** CMPP_ACTIVE_TEST: the link check. */
    ACTIVE_TEST(0x0000_0008),
    /** CMPP_ACTIVE_TEST_RESP. */
    ACTIVE_TEST_RESP(0x8000_0008);

    private final int code;

    CommandId(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** Whether this is a response (the high bit is set). */
    public boolean isResponse() {
        return (code & 0x8000_0000) != 0;
    }

    /**
     * The command with a wire value.
     *
     * @param code the Command_Id
     * @return the command, or empty for one this codec does not know
     */
    public static Optional<CommandId> of(int code) {
        for (CommandId id : values()) {
            if (id.code == code) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
