package io.remotebank.channels.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.smpp.internal.SmppClientEngine;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * An SMPP 3.4 client on Netty as a {@link ChannelProvider} for SMS: one bind (transmitter,
 * receiver or transceiver) kept up with enquire_link and reconnects, a window of asynchronous
 * submit_sm, a token bucket, back-off when the SMSC throttles, long messages, delivery receipts as
 * {@link io.remotebank.channels.spi.DeliveryReport}s and MO messages as inbound messages.
 *
 * <p><b>Delivery is at least once.</b> When the connection drops, every submit_sm still awaiting
 * its response is sent again after the rebind, first and in its order: the SMSC may have taken it
 * already, so a recipient can get one duplicate per message that was in flight (at most the window
 * size per lost connection). A submission whose segments cannot be sent within the submit timeout,
 * or are resent more than {@code maxResends} times, fails temporarily and the outbox retries it
 * later; SMPP has no client reference, so {@link #deduplicates()} is false.
 *
 * <p>Every command status has an outcome: ESME_ROK is {@code Submitted}; ESME_RTHROTTLED and
 * ESME_RMSGQFUL pause the bind and resend; bind-state and credential errors rebind and resend;
 * ESME_RSYSERR, ESME_RSUBMITFAIL, ESME_RX_T_APPN, ESME_RDELIVERYFAILURE, ESME_RUNKNOWNERR and
 * vendor-specific codes are {@code TemporaryFailure}; the rest are {@code PermanentFailure}. See
 * {@link io.remotebank.channels.smpp.pdu.CommandStatus}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmppProvider implements ChannelProvider {

    private final SmppClientConfig config;
    private final SmppClientEngine engine;

    private SmppProvider(SmppClientConfig config) {
        this.config = config;
        this.engine = new SmppClientEngine(config);
    }

    /**
     * A provider with these settings; it connects on {@link #start(ProviderContext)}.
     *
     * @param config the settings
     * @return the provider
     */
    public static SmppProvider create(SmppClientConfig config) {
        return new SmppProvider(Arguments.notNull(config, "config"));
    }

    /** The settings. */
    public SmppClientConfig config() {
        return config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public Set<ContactChannel> channels() {
        return Set.of(ContactChannel.SMS);
    }

    /** Connects and binds in the background; submissions made before the bind wait for it. */
    @Override
    public void start(ProviderContext context) {
        engine.start(Arguments.notNull(context, "context"));
    }

    @Override
    public CompletionStage<SubmitResult> submit(Submission submission) {
        return engine.submit(Arguments.notNull(submission, "submission"));
    }

    /**
     * Completes when the first bind succeeds (fails if the provider closes first).
     *
     * @return the stage
     */
    public CompletionStage<Void> bound() {
        return engine.bound();
    }

    /** Whether the provider is bound now. */
    public boolean isBound() {
        return engine.isBound();
    }

    /** The counters since the start. */
    public SmppStatistics statistics() {
        return engine.statistics();
    }

    /** Unbinds, closes the connection, fails what was not answered temporarily. Idempotent. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "SmppProvider[" + config + "]";
    }
}
