package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.InboundKind;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.wechat.internal.RecentIds;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Clocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Turns accepted callbacks into the messaging API's {@link InboundMessage}s and hands them to a sink,
 * usually {@link io.remotebank.channels.Messaging#receive}: texts, images, voice (with WeChat's
 * recognition as the text), locations and the events subscribe, unsubscribe, template send
 * finished, menu click, scan and location. {@code unsubscribe} becomes {@link
 * InboundKind#UNSUBSCRIBE}, which the messaging service records as a withdrawal of the channel's
 * consent purpose ({@code marketing.wechat} by default); the customer behind the open id comes from
 * its {@link io.remotebank.channels.spi.AddressResolver}.
 *
 * <p>WeChat retries a message it got no answer for up to three times: a message whose {@code MsgId}
 * (an event's sender and {@code CreateTime}, which is how WeChat says to de-duplicate events) came
 * within the de-duplication window is answered {@code success} and not delivered again. A delivery
 * that throws is forgotten, so that the retry is delivered.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WeChatInbound implements CallbackListener {

    /** Fields that become the message's own parts rather than attributes. */
    private static final Set<String> OWN_FIELDS = Set.of("ToUserName", "FromUserName", "Content", "MsgId", "Encrypt");

    private final Platform platform;
    private final String appId;
    private final String provider;
    private final Consumer<InboundMessage> sink;
    private final Clock clock;
    private final RecentIds recent;

    private WeChatInbound(Builder b) {
        this.platform = b.platform;
        this.appId = b.appId;
        this.provider = b.provider;
        this.sink = b.sink;
        this.clock = b.clock;
        this.recent = new RecentIds(b.clock, b.dedupWindow, b.maxRemembered);
    }

    /**
     * A builder.
     *
     * @param platform the platform the callbacks come from
     * @param appId the official account's or mini-program's app id, or WeCom's corp id: the app part
     *     of the senders' addresses
     * @param sink where the messages go, e.g. {@code messaging::receive}
     * @return the builder
     */
    public static Builder builder(Platform platform, String appId, Consumer<InboundMessage> sink) {
        return new Builder(platform, appId, sink);
    }

    @Override
    public Optional<String> onMessage(CallbackMessage message) {
        Map<String, String> fields = message.fields();
        InboundKind kind = kind(message.msgType(), fields.getOrDefault("Event", ""));
        Address from = address(message.fromUser());
        String id = fields.containsKey("MsgId")
                ? "msg:" + fields.get("MsgId")
                : "event:" + message.fromUser() + ":" + fields.getOrDefault("CreateTime", "") + ":"
                        + fields.getOrDefault("Event", "");
        if (!recent.add(id)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String text = switch (kind) {
            case TEXT -> fields.getOrDefault("Content", "");
            case VOICE -> fields.getOrDefault("Recognition", "");
            default -> "";
        };
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!OWN_FIELDS.contains(name)) {
                attributes.put(name, value);
            }
        });
        InboundMessage inbound = new InboundMessage(
                from,
                message.toUser(),
                text,
                now,
                provider,
                Optional.empty(),
                kind,
                Optional.ofNullable(fields.get("MsgId")),
                attributes);
        try {
            sink.accept(inbound);
        } catch (RuntimeException e) {
            recent.remove(id);
            throw e;
        }
        return Optional.empty();
    }

    private Address address(String user) {
        if (user.isEmpty()) {
            throw new CallbackException(WeChatError.BODY_INVALID, "the message has no FromUserName");
        }
        try {
            return switch (platform) {
                case OFFICIAL_ACCOUNT -> new Address.WeChatOpenId(appId, user);
                case MINI_PROGRAM -> new Address.MiniProgramOpenId(appId, user);
                case WECOM -> new Address.WeComUser(appId, user);
            };
        } catch (ValidationException e) {
            throw new CallbackException(WeChatError.BODY_INVALID, "FromUserName is not a valid user id");
        }
    }

    /** WeChat's MsgType, and Event for events (事件推送), as the messaging API's kinds. */
    static InboundKind kind(String msgType, String event) {
        return switch (msgType) {
            case "text" -> InboundKind.TEXT;
            case "image" -> InboundKind.IMAGE;
            case "voice" -> InboundKind.VOICE;
            case "location" -> InboundKind.LOCATION;
            case "event" ->
                switch (event.toUpperCase(Locale.ROOT)) {
                    case "SUBSCRIBE" -> InboundKind.SUBSCRIBE;
                    case "UNSUBSCRIBE" -> InboundKind.UNSUBSCRIBE;
                    case "TEMPLATESENDJOBFINISH" -> InboundKind.TEMPLATE_SEND_FINISHED;
                    case "CLICK" -> InboundKind.MENU_CLICK;
                    case "SCAN" -> InboundKind.SCAN;
                    case "LOCATION" -> InboundKind.LOCATION;
                    default -> InboundKind.OTHER;
                };
            default -> InboundKind.OTHER;
        };
    }

    @Override
    public String toString() {
        return "WeChatInbound[" + platform + ", " + appId + ", provider " + provider + "]";
    }

    /** Builds a {@link WeChatInbound}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final Platform platform;
        private final String appId;
        private final Consumer<InboundMessage> sink;
        private String provider;
        private Clock clock = Clocks.system();
        private Duration dedupWindow = Duration.ofMinutes(10);
        private int maxRemembered = 100_000;

        private Builder(Platform platform, String appId, Consumer<InboundMessage> sink) {
            this.platform = Arguments.notNull(platform, "platform");
            this.sink = Arguments.notNull(sink, "sink");
            Arguments.notBlank(appId, "app id");
            // Validated as the app part of an address.
            new Address.WeChatOpenId(appId, "check");
            this.appId = appId;
            this.provider = (platform == Platform.WECOM ? "wecom:" : "wechat:") + appId.toLowerCase(Locale.ROOT);
        }

        /**
         * The provider name the messages carry. Default: {@code wechat:<app id>} ({@code wecom:} for
         * WeCom).
         *
         * @param provider 1-64 characters of {@code a-z 0-9 . _ : -}
         * @return this builder
         */
        public Builder provider(String provider) {
            Arguments.notBlank(provider, "provider");
            if (!provider.matches("[a-z0-9._:-]{1,64}")) {
                throw new ValidationException(
                        WeChatError.CONFIG_INVALID, "provider must be 1-64 characters of a-z 0-9 . _ : -");
            }
            this.provider = provider;
            return this;
        }

        /**
         * The clock for receive times, de-duplication and the service window. Default: the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * How long a message id is remembered, and how many at most. Default: ten minutes, 100,000.
         *
         * @param window one minute to a day
         * @param maxRemembered 16 to 10,000,000
         * @return this builder
         */
        public Builder deduplication(Duration window, int maxRemembered) {
            Arguments.positive(window, "de-duplication window");
            Arguments.inRange(window.toSeconds(), 60, 86_400, "de-duplication window (seconds)");
            this.maxRemembered = (int) Arguments.inRange(maxRemembered, 16, 10_000_000, "max remembered");
            this.dedupWindow = window;
            return this;
        }

        /**
         * Builds the listener.
         *
         * @return the listener
         */
        public WeChatInbound build() {
            return new WeChatInbound(this);
        }
    }
}
