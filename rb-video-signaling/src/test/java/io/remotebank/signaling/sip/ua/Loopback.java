package io.remotebank.signaling.sip.ua;

import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionSettings;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import io.remotebank.signaling.sip.transaction.VirtualScheduler;
import io.remotebank.signaling.sip.transport.SipTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Two user agents joined by an in-memory link on virtual time: a message sent is delivered to the
 * other side's transaction layer when the test advances the time (zero delay), unless a drop rule
 * swallows it or the link is failing.
 */
final class Loopback {

    final VirtualScheduler time = new VirtualScheduler();
    final Side alice;
    final Side bob;

    Loopback(boolean reliable, UasHandler aliceHandler, UasHandler bobHandler) {
        alice = new Side("192.0.2.1", reliable, aliceHandler);
        bob = new Side("192.0.2.2", reliable, bobHandler);
        alice.peer = bob;
        bob.peer = alice;
    }

    /** Runs what is due now and everything it causes. */
    void run() {
        time.advance(0);
    }

    /** Moves the time on. */
    void advance(Duration d) {
        time.advance(d.toMillis());
    }

    /** Lets every timer run out (64*T1 and timer D and more). */
    void drain() {
        time.advance(Duration.ofMinutes(2).toMillis());
    }

    final class Side implements Network {
        final String host;
        final boolean reliable;
        final TransactionLayer layer;
        final UserAgent ua;
        final List<SipMessage> sent = new ArrayList<>();
        Predicate<SipMessage> drop = m -> false;
        boolean failing;
        Side peer;
        private final Link link;

        Side(String host, boolean reliable, UasHandler handler) {
            this.host = host;
            this.reliable = reliable;
            UserAgent[] holder = new UserAgent[1];
            this.layer = TransactionLayer.create(TransactionSettings.ofDefaults(), time, new TransactionUser() {
                @Override
                public void onRequest(ServerTransaction transaction) {
                    holder[0].onRequest(transaction);
                }

                @Override
                public void onAck(SipRequest ack, SipTransportChannel channel) {
                    holder[0].onAck(ack, channel);
                }

                @Override
                public void onStrayResponse(SipResponse response, SipTransportChannel channel) {
                    holder[0].onStrayResponse(response, channel);
                }

                @Override
                public void onTransportError(ServerTransaction transaction, Throwable cause) {
                    holder[0].onTransportError(transaction, cause);
                }

                @Override
                public void onTerminated(ServerTransaction transaction) {
                    holder[0].onTerminated(transaction);
                }
            });
            this.ua = new UserAgent(layer, UserAgent.Settings.ofDefaults(), handler).attach(this);
            holder[0] = ua;
            this.link = new Link(this);
        }

        @Override
        public CompletionStage<SipTransportChannel> channel(SipTransport transport, InetSocketAddress nextHop) {
            return CompletableFuture.completedFuture(link);
        }

        @Override
        public String sentBy(SipTransport transport) {
            return host + ":5060";
        }

        /** Hands a message to this side as if it came from the peer. */
        void receive(SipMessage m) {
            layer.receive(m, link);
        }

        /** The start lines this side sent, in order. */
        List<String> startLines() {
            return sent.stream().map(SipMessage::startLine).toList();
        }

        SipResponse lastResponse() {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (sent.get(i) instanceof SipResponse r) {
                    return r;
                }
            }
            throw new AssertionError("no response sent");
        }

        int live() {
            return layer.liveTransactions() + ua.liveDialogs() + ua.liveCalls();
        }
    }

    /** What one side sends on: delivered to the peer. */
    final class Link implements SipTransportChannel {
        private final Side from;

        Link(Side from) {
            this.from = from;
        }

        @Override
        public boolean reliable() {
            return from.reliable;
        }

        @Override
        public CompletionStage<Void> send(SipMessage message) {
            if (from.failing) {
                return CompletableFuture.failedFuture(new IOException("connection reset"));
            }
            from.sent.add(message);
            if (!from.drop.test(message)) {
                Side to = from.peer;
                time.schedule(Duration.ZERO, () -> to.layer.receive(message, to.link));
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
