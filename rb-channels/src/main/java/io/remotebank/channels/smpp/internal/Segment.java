package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.smpp.pdu.Pdu;
import org.apiguardian.api.API;

/** One submit_sm of a submission; sent, perhaps again, until answered. Event-loop confined. */
@API(status = INTERNAL, since = "0.1")
final class Segment {
    final Outgoing message;
    final int index;
    final Pdu.ShortMessage template;
    int sequence;
    long sentAt;
    int resends;

    Segment(Outgoing message, int index, Pdu.ShortMessage template) {
        this.message = message;
        this.index = index;
        this.template = template;
    }

    Pdu.ShortMessage withSequence(int seq) {
        Pdu.ShortMessage t = template;
        return new Pdu.ShortMessage(
                t.commandId(),
                seq,
                t.serviceType(),
                t.source(),
                t.destination(),
                t.esmClass(),
                t.protocolId(),
                t.priorityFlag(),
                t.scheduleDeliveryTime(),
                t.validityPeriod(),
                t.registeredDelivery(),
                t.replaceIfPresent(),
                t.dataCoding(),
                t.smDefaultMsgId(),
                t.shortMessage(),
                t.tlvs());
    }
}
