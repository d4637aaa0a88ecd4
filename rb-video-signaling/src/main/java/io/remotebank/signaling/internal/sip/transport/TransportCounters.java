package io.remotebank.signaling.internal.sip.transport;

import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@code TransportStats}, written by the handlers of every channel. */
final class TransportCounters {
    final LongAdder refusedOverTotalLimit = new LongAdder();
    final LongAdder refusedOverAddressLimit = new LongAdder();
    final LongAdder closedHeaderTimeout = new LongAdder();
    final LongAdder closedIdle = new LongAdder();
    final LongAdder closedOutboundOverflow = new LongAdder();
    final LongAdder droppedDatagramReplies = new LongAdder();
    final LongAdder truncatedDatagrams = new LongAdder();
}
