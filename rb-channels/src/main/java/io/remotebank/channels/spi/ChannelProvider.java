package io.remotebank.channels.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ContactChannel;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * What carries messages to a channel: an SMPP or CMPP client, an HTTP SMS gateway, a WeChat adapter,
 * or {@link io.remotebank.channels.simulator.SimulatedProvider}.
 *
 * <p>The outbox hands a provider each message <b>at least once</b>: after a crash, a timeout or a
 * temporary failure the same {@link Submission#id()} comes again. A provider that can tell the
 * carrier a client reference (most HTTP gateways take one) passes the id as that reference and
 * declares {@link #deduplicates()}; one that cannot (SMPP) relies on the outbox's own bookkeeping,
 * which resends only what was not recorded as submitted.
 *
 * <p>Implement {@link #name()}, {@link #channels()} and {@link #submit}; the rest are defaults. Prove
 * an implementation with {@code io.remotebank.tck.channels.ChannelProviderContract} from rb-tck.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ChannelProvider extends AutoCloseable {

    /**
     * The provider's name: template mappings are keyed by it and records name it. 1-64 characters
     * of {@code a-z 0-9 . _ : -}, e.g. {@code smpp:carrier-a}.
     *
     * @return the name
     */
    String name();

    /**
     * The channels it carries.
     *
     * @return at least one of SMS, WeChat, mini-program, WeCom
     */
    Set<ContactChannel> channels();

    /**
     * Hands one message to the carrier. The stage completes when the carrier has taken it (an SMSC's
     * submit_sm_resp, a gateway's HTTP response) or refused it; it should not wait for delivery,
     * which is reported later through {@link ProviderContext#report}. A stage that fails or does not
     * complete in time counts as a {@link SubmitResult.TemporaryFailure}.
     *
     * @param submission the message
     * @return the carrier's answer
     */
    CompletionStage<SubmitResult> submit(Submission submission);

    /**
     * Called once before the first submission, with the callbacks for delivery reports and inbound
     * messages. Default: nothing.
     *
     * @param context the callbacks
     */
    default void start(ProviderContext context) {}

    /**
     * Whether submitting the same {@link Submission#id()} twice reaches the recipient once (the
     * carrier de-duplicates by a client reference). Default: false.
     *
     * @return whether the provider de-duplicates
     */
    default boolean deduplicates() {
        return false;
    }

    /** Releases connections and threads; no submission follows. Default: nothing. */
    @Override
    default void close() {}
}
