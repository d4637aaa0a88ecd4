package io.remotebank.channels.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.smpp.pdu.Tlv;
import io.remotebank.core.Arguments;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An SMSC delivery receipt: the text format of SMPP v3.4 Appendix B ({@code id:IIII sub:SSS
 * dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...}) as seen in the
 * wild (keys in any case, dates of 10 or 12 digits, {@code err} as text, fields missing or
 * reordered), completed or overridden by the receipted_message_id, message_state and
 * network_error_code TLVs (5.3.2.12, 5.3.2.35, 5.3.2.31).
 *
 * @param messageId the SMSC's id of the message the receipt is about
 * @param state the message's state
 * @param submitted the sub: field, when present
 * @param delivered the dlvrd: field, when present
 * @param submitDate the submit date, when present and readable (local time of the SMSC)
 * @param doneDate the done date, when present and readable
 * @param error the err: field or network error code, when present
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DeliveryReceipt(
        String messageId,
        State state,
        Optional<Integer> submitted,
        Optional<Integer> delivered,
        Optional<LocalDateTime> submitDate,
        Optional<LocalDateTime> doneDate,
        Optional<String> error) {

    /** The message states of SMPP v3.4 section 5.2.28 and their receipt spellings. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum State {
        /** ENROUTE (1): not final yet. */
        ENROUTE(1, "ENROUTE", null),
        /** DELIVRD (2). */
        DELIVERED(2, "DELIVRD", MessageStatus.DELIVERED),
        /** EXPIRED (3). */
        EXPIRED(3, "EXPIRED", MessageStatus.EXPIRED),
        /** DELETED (4). */
        DELETED(4, "DELETED", MessageStatus.FAILED),
        /** UNDELIV (5). */
        UNDELIVERABLE(5, "UNDELIV", MessageStatus.FAILED),
        /** ACCEPTD (6): not final yet. */
        ACCEPTED(6, "ACCEPTD", null),
        /** UNKNOWN (7): invalid state, final. */
        UNKNOWN(7, "UNKNOWN", MessageStatus.FAILED),
        /** REJECTD (8). */
        REJECTED(8, "REJECTD", MessageStatus.FAILED);

        private final int code;
        private final String stat;
        private final MessageStatus status;

        State(int code, String stat, MessageStatus status) {
            this.code = code;
            this.stat = stat;
            this.status = status;
        }

        /** The message_state value. */
        public int code() {
            return code;
        }

        /** The seven-letter stat: spelling. */
        public String stat() {
            return stat;
        }

        /** The final status this state means, or empty for ENROUTE and ACCEPTD. */
        public Optional<MessageStatus> status() {
            return Optional.ofNullable(status);
        }

        /**
         * The state of a message_state TLV value.
         *
         * @param code 1-8
         * @return the state, or empty for another value
         */
        public static Optional<State> ofCode(int code) {
            for (State s : values()) {
                if (s.code == code) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        /**
         * The state a stat: value names, in any case, abbreviated or spelled out (DELIVRD or
         * DELIVERED, UNDELIV or UNDELIVERABLE, REJECTD or REJECTED, ACCEPTD or ACCEPTED).
         *
         * @param stat the value
         * @return the state, or empty when unknown
         */
        public static Optional<State> ofStat(String stat) {
            String s = stat.strip().toUpperCase(Locale.ROOT);
            for (State st : values()) {
                if (st.stat.equals(s) || st.name().equals(s)) {
                    return Optional.of(st);
                }
            }
            return switch (s) {
                case "DELIVERD" -> Optional.of(DELIVERED);
                case "FAILED", "UNDELIVERED" -> Optional.of(UNDELIVERABLE);
                default -> Optional.empty();
            };
        }
    }

    private static final String[] KEYS = {
        "id:", "sub:", "dlvrd:", "submit date:", "submit_date:", "done date:", "done_date:", "stat:", "err:", "text:"
    };

    /** Validates. */
    public DeliveryReceipt {
        Arguments.notBlank(messageId, "message id");
        Arguments.notNull(state, "state");
        Arguments.notNull(submitted, "submitted");
        Arguments.notNull(delivered, "delivered");
        Arguments.notNull(submitDate, "submit date");
        Arguments.notNull(doneDate, "done date");
        Arguments.notNull(error, "error");
    }

    /**
     * Reads a receipt from a deliver_sm's (or data_sm's) text and TLVs: the TLVs win where both say
     * something.
     *
     * @param text the short message as text (may be empty when everything is in TLVs)
     * @param tlvs the PDU's optional parameters
     * @return the receipt, or empty when neither names a message id and a state
     */
    public static Optional<DeliveryReceipt> parse(String text, List<Tlv> tlvs) {
        String[] fields = fields(text);
        String id = fields[0];
        Optional<State> state = fields[7] == null ? Optional.empty() : State.ofStat(fields[7]);
        String error = fields[8];
        Optional<Tlv> receipted = Tlv.find(tlvs, Tlv.RECEIPTED_MESSAGE_ID);
        if (receipted.isPresent() && !receipted.get().asCString().isBlank()) {
            id = receipted.get().asCString();
        }
        Optional<Tlv> ms = Tlv.find(tlvs, Tlv.MESSAGE_STATE);
        if (ms.isPresent()) {
            Optional<State> fromTlv = State.ofCode((int) ms.get().asUnsigned());
            if (fromTlv.isPresent()) {
                state = fromTlv;
            }
        }
        Optional<Tlv> net = Tlv.find(tlvs, Tlv.NETWORK_ERROR_CODE);
        if (net.isPresent() && net.get().length() == 3 && error == null) {
            byte[] v = net.get().value();
            // 5.3.2.31: network type (1 ANSI-136, 2 IS-95, 3 GSM...) then a 2-octet error code.
            error = (v[0] & 0xFF) + ":" + (((v[1] & 0xFF) << 8) | (v[2] & 0xFF));
        }
        if (id == null || id.isBlank() || state.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryReceipt(
                id.strip(),
                state.get(),
                number(fields[1]),
                number(fields[2]),
                date(fields[3] != null ? fields[3] : fields[4]),
                date(fields[5] != null ? fields[5] : fields[6]),
                Optional.ofNullable(error).map(String::strip).filter(e -> !e.isEmpty())));
    }

    /**
     * Reads a receipt from its text alone.
     *
     * @param text the text
     * @return the receipt, or empty when it names no message id or no known state
     */
    public static Optional<DeliveryReceipt> parse(String text) {
        return parse(text, List.of());
    }

    /** The value of each key (in the order of {@link #KEYS}), found at word starts in any case. */
    private static String[] fields(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int[] starts = new int[KEYS.length];
        for (int k = 0; k < KEYS.length; k++) {
            starts[k] = find(lower, KEYS[k]);
        }
        // text: runs to the end, so keys inside it do not count.
        int textAt = starts[9];
        String[] values = new String[KEYS.length];
        for (int k = 0; k < KEYS.length; k++) {
            int s = starts[k];
            if (s < 0 || (textAt >= 0 && k != 9 && s > textAt)) {
                continue;
            }
            int from = s + KEYS[k].length();
            int to = text.length();
            if (k != 9) {
                for (int j = 0; j < KEYS.length; j++) {
                    if (starts[j] > s && starts[j] < to && (textAt < 0 || starts[j] <= textAt)) {
                        to = starts[j];
                    }
                }
            }
            values[k] = text.substring(from, to).strip();
        }
        return values;
    }

    private static int find(String lower, String key) {
        int from = 0;
        while (true) {
            int i = lower.indexOf(key, from);
            if (i < 0) {
                return -1;
            }
            if (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1)) && lower.charAt(i - 1) != '_') {
                return i;
            }
            from = i + 1;
        }
    }

    private static Optional<Integer> number(String s) {
        if (s == null || s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 9) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(s));
    }

    /** YYMMDDhhmm or YYMMDDhhmmss (Appendix B), years 2000-2099. */
    private static Optional<LocalDateTime> date(String s) {
        if (s == null || (s.length() != 10 && s.length() != 12) || !s.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(
                    2000 + Integer.parseInt(s.substring(0, 2)),
                    Integer.parseInt(s.substring(2, 4)),
                    Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)),
                    Integer.parseInt(s.substring(8, 10)),
                    s.length() == 12 ? Integer.parseInt(s.substring(10, 12)) : 0));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
