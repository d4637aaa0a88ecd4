package io.remotebank.tck.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.Recipient;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.time.Clocks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ChannelProvider}: extend it and return a started-to-be provider
 * connected to a test double of the carrier (a simulator, a sandbox account) from {@link
 * #newProvider()}. The kit starts it with a context that records delivery reports and inbound
 * messages, and closes it after each test.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ChannelProviderContract {

    /** The provider under test. */
    protected ChannelProvider provider;

    /** Delivery reports the provider sent. */
    protected final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();

    /** Inbound messages the provider passed on. */
    protected final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();

    /** For subclasses. */
    protected ChannelProviderContract() {}

    /**
     * A new provider, not yet started.
     *
     * @return the provider
     */
    protected abstract ChannelProvider newProvider();

    /**
     * An address the carrier double accepts on a channel. Default: a mainland mobile number for SMS,
     * sample ids for the WeChat channels.
     *
     * @param channel one of the provider's channels
     * @return the address
     */
    protected Address addressFor(ContactChannel channel) {
        return switch (channel) {
            case SMS -> Address.Msisdn.of("13800138000");
            case WECHAT -> new Address.WeChatOpenId("wx0123456789abcdef", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
            case MINI_PROGRAM -> new Address.MiniProgramOpenId("wx0123456789abcdef", "oMiniProgramUser01");
            case WECOM -> new Address.WeComUser("ww0123456789abcdef", "zhangsan");
            default -> throw new IllegalArgumentException(channel + " is not a messaging channel");
        };
    }

    /**
     * What the kit submits. Default: plain text.
     *
     * @param index a different value for each message of a test
     * @return the content
     */
    protected ProviderContent contentFor(int index) {
        return new ProviderContent.Text("Compatibility kit message " + index);
    }

    /** How long a submission may take in the kit. Default 30 s. */
    protected Duration submitTimeout() {
        return Duration.ofSeconds(30);
    }

    /** Creates and starts the provider. */
    @BeforeEach
    void startProvider() {
        provider = newProvider();
        provider.start(new ProviderContext() {
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
                return Clocks.system(); // the provider talks to a real peer in real time
            }
        });
    }

    /** Closes it. */
    @AfterEach
    void closeProvider() {
        provider.close();
    }

    private ContactChannel channel() {
        return provider.channels().iterator().next();
    }

    private Submission submission(MessageId id, int index) {
        return new Submission(id, addressFor(channel()), Category.OTP, contentFor(index), 1, Optional.empty());
    }

    private SubmitResult submit(Submission s) throws Exception {
        return provider.submit(s).toCompletableFuture().get(submitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void nameAndChannels_areWellFormed() {
        assertThat(provider.name()).matches("[a-z0-9._:-]{1,64}");
        assertThat(provider.channels()).isNotEmpty();
        assertThat(Recipient.MESSAGING_CHANNELS).containsAll(provider.channels());
    }

    @Test
    void aSubmission_isAnswered_withAProviderIdOrAReason() throws Exception {
        SubmitResult result = submit(submission(MessageId.random(), 0));

        assertThat(result).isNotNull();
        if (result instanceof SubmitResult.Submitted s) {
            assertThat(s.providerMessageId()).hasSizeBetween(1, 128);
        } else if (result instanceof SubmitResult.TemporaryFailure t) {
            assertThat(t.reason()).isNotBlank();
        } else {
            assertThat(((SubmitResult.PermanentFailure) result).reason()).isNotBlank();
        }
    }

    @Test
    void differentMessages_getDifferentProviderIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            if (submit(submission(MessageId.random(), i)) instanceof SubmitResult.Submitted s) {
                ids.add(s.providerMessageId());
            }
        }
        assertThat(ids).as("provider ids of five submitted messages").hasSize(5);
    }

    @Test
    void aDeduplicatingProvider_answersARepeatWithTheFirstProviderId() throws Exception {
        MessageId id = MessageId.random();
        SubmitResult first = submit(submission(id, 0));
        Submission again = new Submission(id, addressFor(channel()), Category.OTP, contentFor(0), 2, Optional.empty());
        SubmitResult second = submit(again);
        if (provider.deduplicates()) {
            assertThat(second).isEqualTo(first);
        } else {
            assertThat(second).isNotNull();
        }
    }

    @Test
    void concurrentSubmissions_areAllAnswered() throws Exception {
        List<CompletableFuture<SubmitResult>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(provider.submit(submission(MessageId.random(), i)).toCompletableFuture());
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .get(submitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        assertThat(answers).allSatisfy(a -> assertThat(a.join()).isNotNull());
    }

    @Test
    void deliveryReports_referToProviderIdsItGaveOut() throws Exception {
        Set<String> given = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            if (submit(submission(MessageId.random(), i)) instanceof SubmitResult.Submitted s) {
                given.add(s.providerMessageId());
            }
        }
        assertThat(reports).allSatisfy(r -> assertThat(given).contains(r.providerMessageId()));
    }

    @Test
    void closingTwice_isHarmless() {
        provider.close();
        provider.close();
    }
}
