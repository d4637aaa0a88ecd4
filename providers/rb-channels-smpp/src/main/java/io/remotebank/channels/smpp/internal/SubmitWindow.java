package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.collection.IntObjectHashMap;
import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.smpp.SmppError;
import io.remotebank.channels.smpp.SmppException;
import io.remotebank.channels.smpp.pdu.CommandStatus;
import io.remotebank.channels.spi.SubmitResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.apiguardian.api.API;

/**
 * The submit side of a bind: the queue of segments callers hand in (any thread, lock-free), the
 * resend queue, the window of submit_sm awaiting their submit_sm_resp, the token bucket and the
 * pause after a throttle. {@link #drain(Channel)} writes as many segments as the window, the bucket
 * and the channel allow and flushes once. Everything but {@link #offer} and {@link #failQueued} is
 * confined to the event loop.
 */
@API(status = INTERNAL, since = "0.1")
final class SubmitWindow {

    private static final int BATCH_BYTES = 16 * 1024;
    private static final long QUEUE_SCAN = TimeUnit.SECONDS.toNanos(1);

    /** What the window needs of the bind session. */
    interface Link {
        /** The channel to write to while bound, else null. */
        Channel boundChannel();

        /** Ends the session and binds again (a session-level error, an unanswered request). */
        void rebind(String reason);

        /** Why the client is not bound, for the reason a never-sent segment fails with. */
        Optional<SmppException> whyNotBound();

        /** Asks the event loop to drain soon. */
        void drainSoon();
    }

    private final SmppClientConfig config;
    private final LoopTime time;
    private final Counters counters;
    private final Deliveries deliveries;
    private final IntSupplier sequences;
    private final Link link;
    private final long responseTimeout;
    private final long throttleBase;

    // Any thread.
    private final ConcurrentLinkedQueue<Segment> incoming = new ConcurrentLinkedQueue<>();

    // Event loop only.
    private final ArrayDeque<Segment> retry = new ArrayDeque<>();
    private final IntObjectHashMap<Segment> window = new IntObjectHashMap<>();
    private long pausedUntil;
    private long throttlePause;
    private double tokens;
    private long tokensAt;
    private boolean drainTimerSet;
    private long lastQueueScan;

    SubmitWindow(
            SmppClientConfig config,
            LoopTime time,
            Counters counters,
            Deliveries deliveries,
            IntSupplier sequences,
            Link link) {
        this.config = config;
        this.time = time;
        this.counters = counters;
        this.deliveries = deliveries;
        this.sequences = sequences;
        this.link = link;
        this.responseTimeout = config.responseTimeout().toNanos();
        this.throttleBase = config.throttleBackoff().toNanos();
        this.throttlePause = throttleBase;
        this.tokens = config.burst();
    }

    /** Queues a submission's segments (any thread). */
    void offer(Segment[] segments) {
        for (Segment s : segments) {
            incoming.offer(s);
        }
    }

    /** Fails what callers queued and the loop has not taken yet (any thread). */
    void failQueued(Function<Segment, String> reason) {
        Segment s;
        while ((s = incoming.poll()) != null) {
            if (!s.message.done) {
                s.message.finish(new SubmitResult.TemporaryFailure(reason.apply(s), Optional.empty()));
            }
        }
    }

    /** Fails everything: in flight (in sequence order), to resend, and queued. */
    void failAll(Function<Segment, String> reason) {
        List<Segment> inFlight = new ArrayList<>(window.values());
        // In sequence order, so that a submission fails with the reason of its earliest segment.
        inFlight.sort((a, b) -> Integer.compare(a.sequence, b.sequence));
        for (Segment s : inFlight) {
            if (!s.message.done) {
                s.message.finish(new SubmitResult.TemporaryFailure(reason.apply(s), Optional.empty()));
            }
        }
        window.clear();
        for (Segment s : retry) {
            if (!s.message.done) {
                s.message.finish(new SubmitResult.TemporaryFailure(reason.apply(s), Optional.empty()));
            }
        }
        retry.clear();
        failQueued(reason);
    }

    /** The connection is gone: what was in flight goes again, first and in its order (at least once). */
    int connectionLost() {
        if (!window.isEmpty()) {
            List<Segment> inFlight = new ArrayList<>(window.values());
            window.clear();
            inFlight.sort((a, b) -> Integer.compare(b.sequence, a.sequence));
            for (Segment s : inFlight) {
                if (!s.message.done) {
                    if (++s.resends > config.maxResends()) {
                        s.message.finish(new SubmitResult.TemporaryFailure(
                                "connection lost " + s.resends + " times while awaiting submit_sm_resp",
                                Optional.empty()));
                    } else {
                        counters.resent.increment();
                        retry.addFirst(s);
                    }
                }
            }
        }
        return retry.size();
    }

    /**
     * The periodic check: fails what outlived the submit timeout, and rebinds when a submit_sm
     * went unanswered for the response timeout.
     *
     * @param bound whether the session is bound
     */
    void tick(boolean bound) {
        long now = time.now();
        if (now - lastQueueScan > QUEUE_SCAN) {
            lastQueueScan = now;
            expireQueued(now, bound);
        }
        if (!bound) {
            return;
        }
        expireWindow(now);
        for (Segment s : window.values()) {
            if (now - s.sentAt > responseTimeout) {
                link.rebind("no submit_sm_resp within " + config.responseTimeout());
                return;
            }
        }
        Channel ch = link.boundChannel();
        if (ch != null) {
            drain(ch);
        }
    }

    /**
     * Fails the submissions whose submit timeout passed while a segment awaits its submit_sm_resp
     * (a response timeout longer than the submit timeout would hold them past it). A late answer
     * to such a segment finds it gone and is ignored.
     */
    private void expireWindow(long now) {
        List<Segment> expired = null;
        for (Segment s : window.values()) {
            if (now > s.message.deadline || s.message.done) {
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(s);
            }
        }
        if (expired != null) {
            expired.sort((a, b) -> Integer.compare(a.sequence, b.sequence));
            for (Segment s : expired) {
                window.remove(s.sequence);
                s.message.finish(new SubmitResult.TemporaryFailure(timedOut(s), Optional.empty()));
            }
        }
    }

    private void expireQueued(long now, boolean bound) {
        expire(retry.iterator(), now);
        if (!bound) {
            expire(incoming.iterator(), now);
        }
    }

    private void expire(Iterator<Segment> it, long now) {
        while (it.hasNext()) {
            Segment s = it.next();
            if (s.message.done || now > s.message.deadline) {
                it.remove();
                s.message.finish(new SubmitResult.TemporaryFailure(timedOut(s), Optional.empty()));
            }
        }
    }

    /** Writes what the window, the token bucket, a throttle pause and the channel allow; flushes once. */
    void drain(Channel ch) {
        long now = time.now();
        if (now < pausedUntil) {
            drainAt(pausedUntil, now);
            return;
        }
        int max = config.windowSize();
        ByteBuf batch = null;
        boolean wrote = false;
        while (window.size() < max && ch.isWritable()) {
            Segment s = retry.isEmpty() ? incoming.poll() : retry.pollFirst();
            if (s == null) {
                break;
            }
            if (s.message.done) {
                continue;
            }
            if (now > s.message.deadline) {
                s.message.finish(new SubmitResult.TemporaryFailure(timedOut(s), Optional.empty()));
                continue;
            }
            if (!takeToken(now)) {
                retry.addFirst(s);
                break;
            }
            int seq = sequences.getAsInt();
            s.sequence = seq;
            s.sentAt = now;
            window.put(seq, s);
            if (batch == null) {
                batch = ch.alloc().ioBuffer(BATCH_BYTES);
            }
            int at = batch.writerIndex();
            batch.writeBytes(s.pdu, 0, s.length);
            batch.setInt(at + Segment.SEQUENCE_OFFSET, seq);
            counters.segmentsSent.increment();
            wrote = true;
            if (batch.readableBytes() >= BATCH_BYTES) {
                ch.write(batch, ch.voidPromise());
                batch = null;
            }
        }
        if (batch != null) {
            ch.write(batch, ch.voidPromise());
        }
        if (wrote) {
            ch.flush();
        }
    }

    private boolean takeToken(long now) {
        double rate = config.maxRate();
        if (rate == 0) {
            return true;
        }
        tokens = Math.min(config.burst(), tokens + (now - tokensAt) * rate / 1e9);
        tokensAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        drainAt(now + (long) ((1 - tokens) * 1e9 / rate) + 1, now);
        return false;
    }

    private void drainAt(long when, long now) {
        if (!drainTimerSet) {
            drainTimerSet = true;
            time.after(when - now, () -> {
                drainTimerSet = false;
                link.drainSoon();
            });
        }
    }

    /** A submit_sm_resp or a generic_nack for a segment; false when no segment awaits that sequence. */
    boolean answered(int sequence, int status, String messageId) {
        Segment s = window.remove(sequence);
        if (s == null) {
            return false;
        }
        if (status == 0) {
            throttlePause = throttleBase;
            String id = messageId.isEmpty() ? "seq-" + s.sequence : messageId;
            if (s.message.segmentDone(s.index, id)) {
                String[] ids = s.message.ids;
                if (ids.length > 1) {
                    deliveries.longMessageAcknowledged(ids);
                }
                counters.acknowledged.increment();
                s.message.future.complete(new SubmitResult.Submitted(ids[0]));
            }
            return true;
        }
        String name = CommandStatus.nameOf(status);
        switch (CommandStatus.kindOf(status)) {
            case THROTTLED -> {
                counters.throttled.increment();
                pausedUntil = Math.max(pausedUntil, time.now() + throttlePause);
                Duration pause = Duration.ofNanos(throttlePause);
                throttlePause = Math.min(throttlePause * 2, throttleBase * 16);
                resendOrFail(s, name, Optional.of(pause));
            }
            case SESSION -> {
                resendOrFail(s, name, Optional.empty());
                link.rebind(name + " on submit_sm");
            }
            case TEMPORARY -> s.message.finish(new SubmitResult.TemporaryFailure(name, Optional.empty()));
            default -> s.message.finish(new SubmitResult.PermanentFailure(name));
        }
        return true;
    }

    private void resendOrFail(Segment s, String reason, Optional<Duration> retryAfter) {
        if (s.message.done) {
            return;
        }
        if (++s.resends > config.maxResends()) {
            s.message.finish(
                    new SubmitResult.TemporaryFailure(reason + " after " + (s.resends - 1) + " resends", retryAfter));
        } else {
            counters.resent.increment();
            retry.addLast(s);
        }
    }

    /** The reason a submission fails when its submit timeout passes. */
    String timedOut(Segment s) {
        return unacknowledged(SmppError.SUBMIT_TIMEOUT, s, "within " + config.submitTimeout());
    }

    /** The reason a submission fails when the provider closes first. */
    String closedFirst(Segment s) {
        return unacknowledged(SmppError.CLOSED, s, "before the provider closed");
    }

    /**
     * A failure reason that says which submission, which segment and which submit_sm (its sequence
     * number) went unanswered, e.g. {@code channels.smpp.submit.timeout: message 5d1e... segment 1/2
     * not acknowledged within PT15S (last sent as submit_sm sequence 17)}.
     */
    private String unacknowledged(SmppError code, Segment s, String when) {
        StringBuilder b = new StringBuilder(code.code())
                .append(": message ")
                .append(s.message.messageId)
                .append(" segment ")
                .append(s.index + 1)
                .append('/')
                .append(s.message.ids.length)
                .append(" not acknowledged ")
                .append(when);
        if (s.sequence > 0) {
            b.append(" (last sent as submit_sm sequence ").append(s.sequence).append(')');
        } else {
            b.append(" (never sent");
            link.whyNotBound().ifPresent(why -> b.append(": ").append(why.getMessage()));
            b.append(')');
        }
        return b.toString();
    }
}
