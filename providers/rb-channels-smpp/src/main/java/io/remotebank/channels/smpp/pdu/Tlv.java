package io.remotebank.channels.smpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An optional parameter: tag, length, value (SMPP v3.4 section 5.3). Unknown tags are kept as they
 * came, so a PDU passes through unchanged.
 *
 * @param tag the 2-octet tag
 * @param value the value (at most 65535 octets); never shared with the caller
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Tlv(int tag, byte[] value) {

    /** dest_addr_subunit (5.3.2.1). */
    public static final int DEST_ADDR_SUBUNIT = 0x0005;
    /** source_port (5.3.2.20). */
    public static final int SOURCE_PORT = 0x020A;
    /** destination_port (5.3.2.21). */
    public static final int DESTINATION_PORT = 0x020B;
    /** sar_msg_ref_num (5.3.2.22). */
    public static final int SAR_MSG_REF_NUM = 0x020C;
    /** sar_total_segments (5.3.2.23). */
    public static final int SAR_TOTAL_SEGMENTS = 0x020E;
    /** sar_segment_seqnum (5.3.2.24). */
    public static final int SAR_SEGMENT_SEQNUM = 0x020F;
    /** sc_interface_version (5.3.2.25). */
    public static final int SC_INTERFACE_VERSION = 0x0210;
    /** user_message_reference (5.3.2.17). */
    public static final int USER_MESSAGE_REFERENCE = 0x0204;
    /** receipted_message_id (5.3.2.12). */
    public static final int RECEIPTED_MESSAGE_ID = 0x001E;
    /** message_payload (5.3.2.32). */
    public static final int MESSAGE_PAYLOAD = 0x0424;
    /** message_state (5.3.2.35). */
    public static final int MESSAGE_STATE = 0x0427;
    /** network_error_code (5.3.2.31). */
    public static final int NETWORK_ERROR_CODE = 0x0423;
    /** ms_availability_status (5.3.2.30). */
    public static final int MS_AVAILABILITY_STATUS = 0x0422;
    /** more_messages_to_send (5.3.2.34). */
    public static final int MORE_MESSAGES_TO_SEND = 0x0426;

    /** Validates and copies. */
    public Tlv {
        Arguments.inRange(tag, 0, 0xFFFF, "tag");
        Arguments.notNull(value, "value");
        Arguments.inRange(value.length, 0, 0xFFFF, "TLV length");
        value = value.clone();
    }

    /** A copy of the value. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value's length, without copying. */
    public int length() {
        return value.length;
    }

    byte[] raw() {
        return value;
    }

    /**
     * A one-octet TLV.
     *
     * @param tag the tag
     * @param v the value, 0-255
     * @return the TLV
     */
    public static Tlv ofByte(int tag, int v) {
        return new Tlv(tag, new byte[] {(byte) v});
    }

    /**
     * A two-octet TLV (big-endian).
     *
     * @param tag the tag
     * @param v the value, 0-65535
     * @return the TLV
     */
    public static Tlv ofShort(int tag, int v) {
        return new Tlv(tag, new byte[] {(byte) (v >>> 8), (byte) v});
    }

    /**
     * A C-octet string TLV (terminated by NUL, as receipted_message_id is).
     *
     * @param tag the tag
     * @param s the text, ASCII
     * @return the TLV
     */
    public static Tlv ofCString(int tag, String s) {
        byte[] b = Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), s.length() + 1);
        return new Tlv(tag, b);
    }

    /** The value as an unsigned integer (1, 2 or 4 octets, big-endian). */
    public long asUnsigned() {
        long v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    /** The value as text, up to a terminating NUL. */
    public String asCString() {
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return new String(value, 0, end, StandardCharsets.ISO_8859_1);
    }

    /**
     * The first TLV with a tag.
     *
     * @param tlvs the TLVs of a PDU
     * @param tag the tag
     * @return the TLV, or empty
     */
    public static Optional<Tlv> find(List<Tlv> tlvs, int tag) {
        for (Tlv t : tlvs) {
            if (t.tag == tag) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.tag == tag && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return tag * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Tlv[0x%04X, %d octets]", tag, value.length);
    }
}
