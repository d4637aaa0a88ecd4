package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The CMPP versions this codec speaks and the field widths in which they differ. The Version byte
 * of CMPP_CONNECT carries the major version in its high four bits and the minor in its low four
 * (CMPP 3.0 section 7.4.1.1): 0x30 for 3.0, 0x20 for 2.0.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CmppVersion {
    /** CMPP 2.0: 21-byte terminal ids, one-byte results, an 8-byte Reserve where 3.0 has LinkID. */
    V2_0(0x20, 21, 1, false, 8, 60),
    /** CMPP 3.0 (QB-GF-028-2003): 32-byte terminal ids with a type byte, four-byte results, a 20-byte LinkID. */
    V3_0(0x30, 32, 4, true, 20, 71);

    private final int code;
    private final int terminalIdLength;
    private final int resultLength;
    private final boolean terminalTypes;
    private final int trailerLength;
    private final int reportLength;

    CmppVersion(
            int code,
            int terminalIdLength,
            int resultLength,
            boolean terminalTypes,
            int trailerLength,
            int reportLength) {
        this.code = code;
        this.terminalIdLength = terminalIdLength;
        this.resultLength = resultLength;
        this.terminalTypes = terminalTypes;
        this.trailerLength = trailerLength;
        this.reportLength = reportLength;
    }

    /** The Version byte of CMPP_CONNECT: 0x20 or 0x30. */
    public int code() {
        return code;
    }

    /** The width of Fee_terminal_Id, Dest_terminal_Id and Src_terminal_Id: 21 (2.0) or 32 (3.0). */
    public int terminalIdLength() {
        return terminalIdLength;
    }

    /**
     * The width of the Status of CONNECT_RESP and the Result of SUBMIT_RESP, DELIVER_RESP and the
     * Success_Id of CANCEL_RESP: 1 (2.0) or 4 (3.0).
     */
    public int resultLength() {
        return resultLength;
    }

    /** Whether Fee_terminal_type, Dest_terminal_type and Src_terminal_type exist (3.0 only). */
    public boolean terminalTypes() {
        return terminalTypes;
    }

    /** The width of the last field of SUBMIT and DELIVER: Reserve, 8 (2.0), or LinkID, 20 (3.0). */
    public int trailerLength() {
        return trailerLength;
    }

    /** The length of a status report in a DELIVER's Msg_Content: 60 (2.0) or 71 (3.0). */
    public int reportLength() {
        return reportLength;
    }

    /** The largest value a result field of this version holds. */
    long maxResult() {
        return resultLength == 1 ? 0xFFL : 0xFFFF_FFFFL;
    }

    /** The version as the standard writes it: "2.0" or "3.0". */
    @Override
    public String toString() {
        return (code >> 4) + "." + (code & 0xF);
    }

    /**
     * The version a CONNECT's Version byte names.
     *
     * @param code the byte, 0-255
     * @return the version, or empty for one this codec does not speak
     */
    public static Optional<CmppVersion> of(int code) {
        for (CmppVersion v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
