package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.smpp.SmppStatistics;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;

/** The client's counters, written by the event loop and the callers, read by anyone. */
@API(status = INTERNAL, since = "0.1")
final class Counters {
    final LongAdder submissions = new LongAdder();
    final LongAdder segmentsSent = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder resent = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder receipts = new LongAdder();
    final LongAdder inbound = new LongAdder();
    final LongAdder binds = new LongAdder();
    final LongAdder connectionsLost = new LongAdder();
    final LongAdder readPauses = new LongAdder();
    final LongAdder overflowCloses = new LongAdder();
    final LongAdder linkChecks = new LongAdder();

    SmppStatistics snapshot() {
        return new SmppStatistics(
                submissions.sum(),
                segmentsSent.sum(),
                acknowledged.sum(),
                failed.sum(),
                resent.sum(),
                throttled.sum(),
                receipts.sum(),
                inbound.sum(),
                binds.sum(),
                connectionsLost.sum(),
                readPauses.sum(),
                overflowCloses.sum(),
                linkChecks.sum());
    }
}
