package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.wechat.crypto.EncodingAesKey;
import io.remotebank.channels.wechat.crypto.MessageCrypt;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Clocks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The settings of one callback endpoint: the platform, the token and EncodingAESKey configured on
 * its console, the receive id, the encryption mode, the body format, the replay window and the size
 * limit. {@code toString} shows neither the token nor the key.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CallbackConfig {

    /** The default replay window: five minutes either side of the clock. */
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofMinutes(5);

    /** The default body limit: 64 KiB (WeChat's messages are a few hundred bytes). */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    private final Platform platform;
    private final String token;
    private final Optional<MessageCrypt> crypt;
    private final String receiveId;
    private final CallbackMode mode;
    private final BodyFormat format;
    private final Duration replayWindow;
    private final int maxBodyBytes;
    private final int maxRecentRequests;
    private final Clock clock;

    private CallbackConfig(Builder b) {
        this.platform = b.platform;
        this.token = b.token;
        this.crypt = b.aesKey == null ? Optional.empty() : Optional.of(MessageCrypt.of(b.aesKey, b.receiveId));
        this.receiveId = b.receiveId;
        this.mode = b.mode;
        this.format = b.format;
        this.replayWindow = b.replayWindow;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxRecentRequests = b.maxRecentRequests;
        this.clock = b.clock;
    }

    /**
     * A builder for a platform.
     *
     * @param platform the calling platform
     * @return the builder
     */
    public static Builder builder(Platform platform) {
        return new Builder(Arguments.notNull(platform, "platform"));
    }

    /** The platform. */
    public Platform platform() {
        return platform;
    }

    String token() {
        return token;
    }

    /** The message crypto, when a key is configured. */
    public Optional<MessageCrypt> crypt() {
        return crypt;
    }

    /** The app id or corp id. */
    public String receiveId() {
        return receiveId;
    }

    /** The encryption mode. */
    public CallbackMode mode() {
        return mode;
    }

    /** The body format. */
    public BodyFormat format() {
        return format;
    }

    /** The replay window; zero when the replay check is off. */
    public Duration replayWindow() {
        return replayWindow;
    }

    /** The body size limit in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** How many signed requests inside the window the replay guard remembers at most. */
    public int maxRecentRequests() {
        return maxRecentRequests;
    }

    /** The clock the replay window is read on. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "CallbackConfig[" + platform + ", " + mode + ", " + format + ", receiveId=" + receiveId
                + ", token=****, key=" + (crypt.isPresent() ? "****" : "none") + ", replayWindow=" + replayWindow
                + ", maxBodyBytes=" + maxBodyBytes + "]";
    }

    /** Builds a {@link CallbackConfig}; each setter rejects a bad value at once. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final Platform platform;
        private String token;
        private EncodingAesKey aesKey;
        private String receiveId;
        private CallbackMode mode = CallbackMode.SAFE;
        private BodyFormat format = BodyFormat.XML;
        private Duration replayWindow = DEFAULT_REPLAY_WINDOW;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxRecentRequests = 100_000;
        private Clock clock = Clocks.system();

        private Builder(Platform platform) {
            this.platform = platform;
        }

        /**
         * The token configured on the console (a secret).
         *
         * @param token 3 to 32 characters of {@code A-Z a-z 0-9}, as the consoles allow
         * @return this builder
         */
        public Builder token(String token) {
            Arguments.notNull(token, "token");
            if (token.length() < 3 || token.length() > 32 || !token.chars().allMatch(CallbackConfig::alphanumeric)) {
                throw new ValidationException(
                        WeChatError.CONFIG_INVALID, "token must be 3 to 32 characters of A-Z, a-z and 0-9");
            }
            this.token = token;
            return this;
        }

        /**
         * The EncodingAESKey; required unless the mode is {@link CallbackMode#PLAINTEXT}.
         *
         * @param aesKey the key
         * @return this builder
         */
        public Builder aesKey(EncodingAesKey aesKey) {
            this.aesKey = Arguments.notNull(aesKey, "EncodingAESKey");
            return this;
        }

        /**
         * The id every decrypted message must name: the app id, or WeCom's corp id.
         *
         * @param receiveId 1 to 128 printable ASCII characters
         * @return this builder
         */
        public Builder receiveId(String receiveId) {
            Arguments.notBlank(receiveId, "receive id");
            if (receiveId.length() > 128 || !receiveId.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new ValidationException(
                        WeChatError.CONFIG_INVALID, "receive id must be 1 to 128 printable ASCII characters");
            }
            this.receiveId = receiveId;
            return this;
        }

        /**
         * The encryption mode. Default: {@link CallbackMode#SAFE}.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(CallbackMode mode) {
            this.mode = Arguments.notNull(mode, "mode");
            return this;
        }

        /**
         * The body format. Default: XML; JSON only for mini-programs.
         *
         * @param format the format
         * @return this builder
         */
        public Builder format(BodyFormat format) {
            this.format = Arguments.notNull(format, "format");
            return this;
        }

        /**
         * How far a request's timestamp may lie from the clock, and how long a signed request is
         * remembered so that it is accepted once. Zero turns the replay check off (to replay
         * published vectors). Default: five minutes.
         *
         * @param replayWindow zero to one hour
         * @return this builder
         */
        public Builder replayWindow(Duration replayWindow) {
            Arguments.notNegative(replayWindow, "replay window");
            Arguments.inRange(replayWindow.toSeconds(), 0, 3600, "replay window (seconds)");
            this.replayWindow = replayWindow;
            return this;
        }

        /**
         * The body size limit. Default: 64 KiB.
         *
         * @param maxBodyBytes 1 KiB to 1 MiB
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = (int) Arguments.inRange(maxBodyBytes, 1024, 1024 * 1024, "max body bytes");
            return this;
        }

        /**
         * How many signed requests inside the window the replay guard remembers; beyond that the
         * endpoint refuses with {@link WeChatError#OVERLOADED} until some age out. Default: 100,000.
         *
         * @param maxRecentRequests 16 to 10,000,000
         * @return this builder
         */
        public Builder maxRecentRequests(int maxRecentRequests) {
            this.maxRecentRequests = (int) Arguments.inRange(maxRecentRequests, 16, 10_000_000, "max recent requests");
            return this;
        }

        /**
         * The clock. Default: the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws ValidationException with {@link WeChatError#CONFIG_INVALID} when the token or receive
         *     id is missing, a key is missing for an encrypted mode, WeCom is not in safe mode, or JSON
         *     is chosen for another platform than mini-programs
         */
        public CallbackConfig build() {
            if (token == null || receiveId == null) {
                throw new ValidationException(WeChatError.CONFIG_INVALID, "token and receive id are required");
            }
            if (mode != CallbackMode.PLAINTEXT && aesKey == null) {
                throw new ValidationException(WeChatError.CONFIG_INVALID, mode + " mode needs the EncodingAESKey");
            }
            if (platform == Platform.WECOM && mode != CallbackMode.SAFE) {
                throw new ValidationException(WeChatError.CONFIG_INVALID, "WeCom encrypts every message: use SAFE");
            }
            if (format == BodyFormat.JSON && platform != Platform.MINI_PROGRAM) {
                throw new ValidationException(WeChatError.CONFIG_INVALID, "only mini-programs send JSON");
            }
            return new CallbackConfig(this);
        }
    }

    private static boolean alphanumeric(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
