package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.smpp.DeliveryReceipt;
import io.remotebank.channels.smpp.charset.SmsCodec;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import io.remotebank.channels.smpp.pdu.Tlv;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.core.ValidationException;
import io.remotebank.core.pii.Mask;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What the SMSC delivers to the client (deliver_sm, data_sm): delivery receipts, correlated to the
 * submission (the segments of a long message make one report), and MO messages, concatenated parts
 * put back together. Event-loop confined; the provider context is called on the callback executor.
 * Warnings about malformed deliveries go through the connection's {@link WarningRateLimit}.
 */
@API(status = INTERNAL, since = "0.1")
final class Deliveries {

    private static final int MAX_GROUPS = 100_000;
    private static final int MAX_PARTIALS = 10_000;

    private final String name;
    private final SmsCodec sms;
    private final Executor callbacks;
    private final Supplier<ProviderContext> context;
    private final LongAdder receipts;
    private final LongAdder inbound;
    private final WarningRateLimit warnings;
    private final Map<String, ReceiptGroup> groups = new HashMap<>();
    private final Map<String, String[]> partials = new HashMap<>();

    Deliveries(
            String name,
            SmsCodec sms,
            Executor callbacks,
            Supplier<ProviderContext> context,
            LongAdder receipts,
            LongAdder inbound,
            WarningRateLimit warnings) {
        this.name = name;
        this.sms = sms;
        this.callbacks = callbacks;
        this.context = context;
        this.receipts = receipts;
        this.inbound = inbound;
        this.warnings = warnings;
    }

    /** Remembers the segments' ids of a long message, so that their receipts make one report. */
    void longMessageAcknowledged(String[] ids) {
        if (groups.size() < MAX_GROUPS) {
            ReceiptGroup g = new ReceiptGroup(ids.clone());
            for (String id : ids) {
                groups.put(id, g);
            }
        }
    }

    /** One deliver_sm or data_sm (its message_payload as the short message). */
    void delivered(int esmClass, SmeAddress source, SmeAddress destination, int dc, byte[] sm, List<Tlv> tlvs) {
        // SMPP v3.4 5.2.12: esm_class bits 5-2 give the message type.
        int type = esmClass & 0x3C;
        boolean isReceipt = type == 0x04
                || type == 0x20
                || Tlv.find(tlvs, Tlv.RECEIPTED_MESSAGE_ID).isPresent();
        if (sm.length == 0) {
            sm = Tlv.find(tlvs, Tlv.MESSAGE_PAYLOAD).map(Tlv::value).orElse(sm);
        }
        int udhLength = (esmClass & 0x40) != 0 && sm.length > 0 ? (sm[0] & 0xFF) + 1 : 0;
        if (udhLength > sm.length) {
            warnings.warn(
                    "deliver_sm with a UDH longer than its message",
                    "SMPP provider {}: deliver_sm with a UDH longer than its message",
                    name);
            return;
        }
        String text = sms.decode(sm, udhLength, sm.length - udhLength, dc);
        if (isReceipt) {
            receipt(text, tlvs);
            return;
        }
        if (udhLength > 0) {
            text = reassemble(source, sm, udhLength, text);
            if (text == null) {
                return;
            }
        }
        inboundMessage(source, destination, text);
    }

    private void receipt(String text, List<Tlv> tlvs) {
        Optional<DeliveryReceipt> parsed = DeliveryReceipt.parse(text, tlvs);
        if (parsed.isEmpty()) {
            warnings.warn(
                    "delivery receipt without message id or state",
                    "SMPP provider {}: a delivery receipt without message id or state",
                    name);
            return;
        }
        receipts.increment();
        DeliveryReceipt r = parsed.get();
        if (r.state().status().isEmpty()) {
            return;
        }
        String id = r.messageId();
        MessageStatus status = r.state().status().get();
        ReceiptGroup g = groups.get(id);
        if (g != null) {
            Optional<MessageStatus> whole = g.segmentReported(status);
            if (whole.isEmpty()) {
                return;
            }
            for (String segmentId : g.ids) {
                groups.remove(segmentId);
            }
            id = g.ids[0];
            status = whole.get();
        }
        ProviderContext ctx = context.get();
        if (ctx == null) {
            return;
        }
        DeliveryReport report = new DeliveryReport(id, status, ctx.clock().instant(), r.error());
        callbacks.execute(() -> ctx.report(report));
    }

    /** Concatenated MO (3GPP TS 23.040 9.2.3.24.1 and .8): the text once every part is here. */
    private String reassemble(SmeAddress source, byte[] sm, int udhLength, String text) {
        int ref = -1;
        int total = 0;
        int seq = 0;
        int i = 1;
        while (i + 1 < udhLength) {
            int iei = sm[i] & 0xFF;
            int len = sm[i + 1] & 0xFF;
            if (i + 2 + len > udhLength) {
                break;
            }
            if (iei == 0x00 && len == 3) {
                ref = sm[i + 2] & 0xFF;
                total = sm[i + 3] & 0xFF;
                seq = sm[i + 4] & 0xFF;
            } else if (iei == 0x08 && len == 4) {
                ref = ((sm[i + 2] & 0xFF) << 8) | (sm[i + 3] & 0xFF);
                total = sm[i + 4] & 0xFF;
                seq = sm[i + 5] & 0xFF;
            }
            i += 2 + len;
        }
        if (ref < 0 || total <= 1) {
            return text;
        }
        if (seq < 1 || seq > total) {
            warnings.warn(
                    "concatenated part out of range",
                    "SMPP provider {}: concatenated part {} of {} dropped",
                    name,
                    seq,
                    total);
            return null;
        }
        String key = source.ton() + "/" + source.address() + "/" + ref + "/" + total;
        String[] parts = partials.get(key);
        if (parts == null) {
            if (partials.size() >= MAX_PARTIALS) {
                partials.clear();
            }
            parts = new String[total];
            partials.put(key, parts);
        }
        parts[seq - 1] = text;
        for (String p : parts) {
            if (p == null) {
                return null;
            }
        }
        partials.remove(key);
        return String.join("", parts);
    }

    private void inboundMessage(SmeAddress source, SmeAddress destination, String text) {
        inbound.increment();
        ProviderContext ctx = context.get();
        if (ctx == null) {
            return;
        }
        Address.Msisdn from;
        try {
            from = Address.Msisdn.of(source.ton() == 1 ? "+" + source.address() : source.address());
        } catch (ValidationException e) {
            warnings.warn(
                    "MO message not from a phone number",
                    "SMPP provider {}: MO message from {} is not from a phone number",
                    name,
                    Mask.phone(source.address()));
            return;
        }
        Instant now = ctx.clock().instant();
        InboundMessage m = new InboundMessage(from, destination.address(), text, now, name, Optional.empty());
        callbacks.execute(() -> ctx.receive(m));
    }

    /** The segments of one long message, whose receipts make one report. */
    private static final class ReceiptGroup {
        final String[] ids;
        int remaining;
        boolean reported;

        ReceiptGroup(String[] ids) {
            this.ids = ids;
            this.remaining = ids.length;
        }

        Optional<MessageStatus> segmentReported(MessageStatus s) {
            if (reported) {
                return Optional.empty();
            }
            if (s != MessageStatus.DELIVERED || --remaining == 0) {
                reported = true;
                return Optional.of(s);
            }
            return Optional.empty();
        }
    }
}
