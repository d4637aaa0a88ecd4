package io.remotebank.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A way the bank and a customer reach each other. Routing, messaging, consent and audit all use the
 * same values; {@link #code()} is the stable text form used in files, JSON and configuration.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ContactChannel {
    /** A telephone call with an agent or the IVR. */
    VOICE(true),
    /** A video call: video counter, video KYC, video customer service. */
    VIDEO(true),
    /** Online chat in the app or on the web site (WebChat). */
    CHAT(true),
    /** Short message service, one-way or two-way (双线短信). */
    SMS(false),
    /** A WeChat official account (公众号). */
    WECHAT(false),
    /** WeCom (企业微信), used by relationship managers. */
    WECOM(false),
    /** A WeChat mini-program (小程序). */
    MINI_PROGRAM(false),
    /** A push notification to the bank's app. */
    APP_PUSH(false),
    /** E-mail. */
    EMAIL(false),
    /**
     * In person at a branch counter. Not a remote channel, but consents and identity checks are
     * also captured there and must be told apart from remote ones.
     */
    BRANCH(true);

    private final boolean interactive;

    ContactChannel(boolean interactive) {
        this.interactive = interactive;
    }

    /** Whether a person answers in real time on this channel (voice, video, chat, branch). */
    public boolean interactive() {
        return interactive;
    }

    /** The stable text form: lower case with hyphens, e.g. {@code mini-program}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The channel of a text form; accepts the {@link #code()} or the constant's name, any case.
     *
     * @param text e.g. {@code sms}, {@code mini-program}, {@code MINI_PROGRAM}
     * @return the channel
     * @throws ValidationException with {@link CoreError#ARGUMENT_INVALID} naming the known codes
     */
    public static ContactChannel parse(String text) {
        Arguments.notBlank(text, "contact channel");
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ContactChannel channel : values()) {
            if (channel.name().equals(normalized)) {
                return channel;
            }
        }
        StringBuilder known = new StringBuilder();
        for (ContactChannel channel : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(channel.code());
        }
        throw new ValidationException(
                CoreError.ARGUMENT_INVALID, "unknown contact channel '" + text + "'; known: " + known);
    }
}
