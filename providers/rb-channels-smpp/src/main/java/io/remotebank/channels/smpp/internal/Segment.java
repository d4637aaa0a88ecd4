package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One submit_sm of a submission, encoded once by the caller's thread (sequence number 0) and
 * copied into the event loop's batch buffer, with its sequence number, each time it is sent.
 * Event-loop confined after it is queued.
 */
@API(status = INTERNAL, since = "0.1")
final class Segment {
    /** The offset of sequence_number in the header (SMPP v3.4 3.2). */
    static final int SEQUENCE_OFFSET = 12;

    final Outgoing message;
    final int index;
    final byte[] pdu;
    final int length;
    int sequence;
    long sentAt;
    int resends;

    Segment(Outgoing message, int index, byte[] pdu, int length) {
        this.message = message;
        this.index = index;
        this.pdu = pdu;
        this.length = length;
    }
}
