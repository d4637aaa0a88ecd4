package io.remotebank.channels.smpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The SMPP 3.4 command_status values (SMPP v3.4 section 5.1.3) and what each means for a message:
 * whether resending later may succeed.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CommandStatus {
    /** No error. */
    ESME_ROK(0x00, Kind.OK),
    /** Message length is invalid. */
    ESME_RINVMSGLEN(0x01, Kind.PERMANENT),
    /** Command length is invalid. */
    ESME_RINVCMDLEN(0x02, Kind.PERMANENT),
    /** Invalid command id. */
    ESME_RINVCMDID(0x03, Kind.PERMANENT),
    /** Incorrect bind status for the given command. */
    ESME_RINVBNDSTS(0x04, Kind.SESSION),
    /** ESME already in bound state. */
    ESME_RALYBND(0x05, Kind.SESSION),
    /** Invalid priority flag. */
    ESME_RINVPRTFLG(0x06, Kind.PERMANENT),
    /** Invalid registered delivery flag. */
    ESME_RINVREGDLVFLG(0x07, Kind.PERMANENT),
    /** System error. */
    ESME_RSYSERR(0x08, Kind.TEMPORARY),
    /** Invalid source address. */
    ESME_RINVSRCADR(0x0A, Kind.PERMANENT),
    /** Invalid destination address. */
    ESME_RINVDSTADR(0x0B, Kind.PERMANENT),
    /** Message id is invalid. */
    ESME_RINVMSGID(0x0C, Kind.PERMANENT),
    /** Bind failed. */
    ESME_RBINDFAIL(0x0D, Kind.SESSION),
    /** Invalid password. */
    ESME_RINVPASWD(0x0E, Kind.SESSION),
    /** Invalid system id. */
    ESME_RINVSYSID(0x0F, Kind.SESSION),
    /** cancel_sm failed. */
    ESME_RCANCELFAIL(0x11, Kind.PERMANENT),
    /** replace_sm failed. */
    ESME_RREPLACEFAIL(0x13, Kind.PERMANENT),
    /** Message queue full. */
    ESME_RMSGQFUL(0x14, Kind.THROTTLED),
    /** Invalid service type. */
    ESME_RINVSERTYP(0x15, Kind.PERMANENT),
    /** Invalid number of destinations. */
    ESME_RINVNUMDESTS(0x33, Kind.PERMANENT),
    /** Invalid distribution list name. */
    ESME_RINVDLNAME(0x34, Kind.PERMANENT),
    /** Destination flag is invalid (submit_multi). */
    ESME_RINVDESTFLAG(0x40, Kind.PERMANENT),
    /** Invalid submit with replace request. */
    ESME_RINVSUBREP(0x42, Kind.PERMANENT),
    /** Invalid esm_class field data. */
    ESME_RINVESMCLASS(0x43, Kind.PERMANENT),
    /** Cannot submit to distribution list. */
    ESME_RCNTSUBDL(0x44, Kind.PERMANENT),
    /** submit_sm or submit_multi failed. */
    ESME_RSUBMITFAIL(0x45, Kind.TEMPORARY),
    /** Invalid source address TON. */
    ESME_RINVSRCTON(0x48, Kind.PERMANENT),
    /** Invalid source address NPI. */
    ESME_RINVSRCNPI(0x49, Kind.PERMANENT),
    /** Invalid destination address TON. */
    ESME_RINVDSTTON(0x50, Kind.PERMANENT),
    /** Invalid destination address NPI. */
    ESME_RINVDSTNPI(0x51, Kind.PERMANENT),
    /** Invalid system_type field. */
    ESME_RINVSYSTYP(0x53, Kind.SESSION),
    /** Invalid replace_if_present flag. */
    ESME_RINVREPFLAG(0x54, Kind.PERMANENT),
    /** Invalid number of messages. */
    ESME_RINVNUMMSGS(0x55, Kind.PERMANENT),
    /** Throttling error (the ESME exceeded its allowed message limits). */
    ESME_RTHROTTLED(0x58, Kind.THROTTLED),
    /** Invalid scheduled delivery time. */
    ESME_RINVSCHED(0x61, Kind.PERMANENT),
    /** Invalid message validity period (expiry time). */
    ESME_RINVEXPIRY(0x62, Kind.PERMANENT),
    /** Predefined message invalid or not found. */
    ESME_RINVDFTMSGID(0x63, Kind.PERMANENT),
    /** ESME receiver temporary application error code. */
    ESME_RX_T_APPN(0x64, Kind.TEMPORARY),
    /** ESME receiver permanent application error code. */
    ESME_RX_P_APPN(0x65, Kind.PERMANENT),
    /** ESME receiver reject message error code. */
    ESME_RX_R_APPN(0x66, Kind.PERMANENT),
    /** query_sm request failed. */
    ESME_RQUERYFAIL(0x67, Kind.PERMANENT),
    /** Error in the optional part of the PDU body. */
    ESME_RINVOPTPARSTREAM(0xC0, Kind.PERMANENT),
    /** Optional parameter not allowed. */
    ESME_ROPTPARNOTALLWD(0xC1, Kind.PERMANENT),
    /** Invalid parameter length. */
    ESME_RINVPARLEN(0xC2, Kind.PERMANENT),
    /** Expected optional parameter missing. */
    ESME_RMISSINGOPTPARAM(0xC3, Kind.PERMANENT),
    /** Invalid optional parameter value. */
    ESME_RINVOPTPARAMVAL(0xC4, Kind.PERMANENT),
    /** Delivery failure (used for data_sm_resp). */
    ESME_RDELIVERYFAILURE(0xFE, Kind.TEMPORARY),
    /** Unknown error. */
    ESME_RUNKNOWNERR(0xFF, Kind.TEMPORARY);

    /** What a status means for the message or the session. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Kind {
        /** Success. */
        OK,
        /** The message may succeed if sent again later. */
        TEMPORARY,
        /** The SMSC asks to slow down; resend after a pause. */
        THROTTLED,
        /** The message is refused for good. */
        PERMANENT,
        /** A session problem (bind state, credentials): rebind, then resend. */
        SESSION
    }

    private static final CommandStatus[] BY_CODE = new CommandStatus[0x100];

    static {
        for (CommandStatus s : values()) {
            BY_CODE[s.code] = s;
        }
    }

    private final int code;
    private final Kind kind;

    CommandStatus(int code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The 4-octet command_status. */
    public int code() {
        return code;
    }

    /** What the status means. */
    public Kind kind() {
        return kind;
    }

    /**
     * What an arbitrary command_status means: a known code's kind; reserved and SMSC
     * vendor-specific codes (0x400-0x4FF) count as temporary, since nothing says they are final.
     *
     * @param code the command_status
     * @return its kind
     */
    public static Kind kindOf(int code) {
        CommandStatus s = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return s == null ? Kind.TEMPORARY : s.kind;
    }

    /**
     * A readable name: the mnemonic of a known code, else {@code 0x%08X}.
     *
     * @param code the command_status
     * @return e.g. {@code ESME_RTHROTTLED}
     */
    public static String nameOf(int code) {
        CommandStatus s = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return s == null ? String.format(Locale.ROOT, "0x%08X", code) : s.name();
    }

    /**
     * The name and the hexadecimal value, for messages that a person reads and may look up in
     * section 5.1.3 or in an SMSC's own list of vendor codes.
     *
     * @param code the command_status
     * @return e.g. {@code ESME_RINVPASWD (0x0000000E)}, or {@code 0x00000401} for an unknown code
     */
    public static String describe(int code) {
        String hex = String.format(Locale.ROOT, "0x%08X", code);
        CommandStatus s = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return s == null ? hex : s.name() + " (" + hex + ")";
    }
}
