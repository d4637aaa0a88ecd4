package io.remotebank.signaling.sip.transaction;

import io.remotebank.signaling.sip.SipMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A channel that records what is sent, with the virtual time, and can be made to fail. */
public final class FakeChannel implements SipTransportChannel {

    public record Sent(long at, SipMessage message) {}

    private final boolean reliable;
    private final VirtualScheduler scheduler;
    public final List<Sent> sent = new ArrayList<>();
    public boolean failing;

    public FakeChannel(boolean reliable, VirtualScheduler scheduler) {
        this.reliable = reliable;
        this.scheduler = scheduler;
    }

    @Override
    public boolean reliable() {
        return reliable;
    }

    @Override
    public CompletionStage<Void> send(SipMessage message) {
        if (failing) {
            return CompletableFuture.failedFuture(new java.io.IOException("connection reset"));
        }
        sent.add(new Sent(scheduler.now(), message));
        return CompletableFuture.completedFuture(null);
    }

    public List<Long> times() {
        return sent.stream().map(Sent::at).toList();
    }

    public SipMessage last() {
        return sent.get(sent.size() - 1).message();
    }

    public List<String> startLines() {
        return sent.stream().map(s -> s.message().startLine()).toList();
    }
}
