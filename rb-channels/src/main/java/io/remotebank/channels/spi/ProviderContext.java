package io.remotebank.channels.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.InboundMessage;
import java.time.Clock;
import org.apiguardian.api.API;

/** The callbacks a provider uses; given to {@link ChannelProvider#start}. Thread-safe. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ProviderContext {

    /**
     * Reports what became of a submitted message. A report for an id the outbox does not know yet
     * (it raced ahead of the submission's answer) is held briefly and applied when the submission
     * is recorded.
     *
     * @param report the report
     */
    void report(DeliveryReport report);

    /**
     * Passes on a message from a customer. Opt-out replies are recorded as withdrawals of consent;
     * the rest reach the application's inbound listeners.
     *
     * @param message the message
     */
    void receive(InboundMessage message);

    /** The clock the messaging service runs on. */
    Clock clock();
}
