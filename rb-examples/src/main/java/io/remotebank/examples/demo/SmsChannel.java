package io.remotebank.examples.demo;

import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.channels.spi.ChannelProvider;

/** The bank's SMS channel for the demo: the provider the messaging API submits to, and its far end. */
final class SmsChannel implements AutoCloseable {

    private final ChannelProvider provider;
    private final String description;
    private final Runnable farEnd;

    private SmsChannel(ChannelProvider provider, String description, Runnable farEnd) {
        this.provider = provider;
        this.description = description;
        this.farEnd = farEnd;
    }

    static SmsChannel simulated() {
        return new SmsChannel(SimulatedProvider.sms(), "the in-process simulated provider", () -> {});
    }

    ChannelProvider provider() {
        return provider;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        farEnd.run();
    }
}
