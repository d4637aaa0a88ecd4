package io.remotebank.channels.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.smpp.internal.SmppClientEngine;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import java.time.Duration;
import java.util.Optional;
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
 * <p>A bind the SMSC refuses with ESME_RINVPASWD, ESME_RINVSYSID, ESME_RINVSYSTYP or ESME_RINVCMDID
 * is not tried again: {@link #bound()} fails with {@link SmppError#BIND_REFUSED} and so does every
 * submission, temporarily. Other refusals (ESME_RBINDFAIL among them) are retried with the reconnect
 * back-off; {@link #lastBindFailure()} says why the provider is not bound.
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
     * Completes when the first bind succeeds; fails with {@link SmppError#BIND_REFUSED} when the SMSC
     * refuses the bind for good (a wrong password, system id or system type, or a bind command it
     * does not serve: the provider does not bind again), and with {@link SmppError#CLOSED} if the
     * provider closes first.
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

    /**
     * Why the provider is not bound, once it has tried: the last failure to connect or bind since
     * the last successful bind, naming the SMSC's address and, for a refusal, the command_status by
     * name and in hexadecimal. Its code is {@link SmppError#BIND_REFUSED} when the SMSC refused for
     * good (the provider then stops; see {@link #bound()}), else {@link SmppError#NOT_BOUND} (the
     * provider keeps trying). Empty while bound and before the first attempt has ended.
     *
     * @return the last failure
     */
    public Optional<SmppException> lastBindFailure() {
        return engine.lastBindFailure();
    }

    /** The counters since the start. */
    public SmppStatistics statistics() {
        return engine.statistics();
    }

    /**
     * Unbinds (waiting at most the {@linkplain SmppClientConfig#shutdownTimeout() shutdown timeout},
     * and at most the response timeout, for unbind_resp), closes the connection, fails what was not
     * answered temporarily; the provider's own event loop and callback thread then get at most a
     * second each to finish. An unreachable or silent SMSC therefore cannot hold the caller longer.
     * Idempotent.
     */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * Like {@link #close()}, waiting at most {@code unbindWait} (instead of the shutdown timeout) for
     * the SMSC's unbind_resp: for a caller with a deadline of its own.
     *
     * @param unbindWait 0 or more (at most the response timeout is used)
     */
    public void close(Duration unbindWait) {
        Arguments.notNull(unbindWait, "unbind wait");
        if (unbindWait.isNegative()) {
            throw new SmppException(SmppError.CONFIG_INVALID, "unbind wait must not be negative, got " + unbindWait);
        }
        engine.close(unbindWait);
    }

    @Override
    public String toString() {
        return "SmppProvider[" + config + "]";
    }
}
