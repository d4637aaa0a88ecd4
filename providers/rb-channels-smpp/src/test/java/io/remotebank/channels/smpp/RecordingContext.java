package io.remotebank.channels.smpp;

import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider context that records what the provider passes on. */
final class RecordingContext implements ProviderContext {
    final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();
    final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();

    @Override
    public void report(DeliveryReport report) {
        reports.add(report);
    }

    @Override
    public void receive(InboundMessage message) {
        inbound.add(message);
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
