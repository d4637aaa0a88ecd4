package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.internal.AddressSyntax;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.PhoneNumber;
import io.remotebank.core.ValidationException;
import org.apiguardian.api.API;

/**
 * Where a message goes on one channel. Personal data: {@code toString} is masked; {@link #key()} is
 * the full, stable text form kept in the outbox.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Address {

    /** The channel this address belongs to. */
    ContactChannel channel();

    /**
     * The stable text form, {@code channel:...}, e.g. {@code sms:+8613812345678} or {@code
     * wechat:wx0123456789abcdef:o6_bmjrPTlm6_2sgVt7hMZOPfL2M}; {@link #parse(String)} reads it back.
     *
     * @return the key (personal data: not for logs)
     */
    String key();

    /**
     * Reads the form written by {@link #key()}.
     *
     * @param key the key
     * @return the address
     * @throws ValidationException with {@link ChannelsError#ADDRESS_INVALID} when it is not one
     */
    static Address parse(String key) {
        Arguments.notBlank(key, "address");
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new ValidationException(ChannelsError.ADDRESS_INVALID, "an address key is channel:value");
        }
        String channel = key.substring(0, colon);
        String rest = key.substring(colon + 1);
        if (channel.equals("sms")) {
            return new Msisdn(new PhoneNumber(rest));
        }
        int second = rest.indexOf(':');
        if (second < 0) {
            throw new ValidationException(
                    ChannelsError.ADDRESS_INVALID, "a " + channel + " address key is " + channel + ":app:user");
        }
        String app = rest.substring(0, second);
        String user = rest.substring(second + 1);
        return switch (channel) {
            case "wechat" -> new WeChatOpenId(app, user);
            case "mini-program" -> new MiniProgramOpenId(app, user);
            case "wecom" -> new WeComUser(app, user);
            default ->
                throw new ValidationException(
                        ChannelsError.ADDRESS_INVALID,
                        "unknown address channel '" + channel + "'; known: sms, wechat, mini-program, wecom");
        };
    }

    /**
     * A mobile number for SMS.
     *
     * @param number the number in E.164 form
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Msisdn(PhoneNumber number) implements Address {
        /** Validates the address. */
        public Msisdn {
            Arguments.notNull(number, "phone number");
        }

        /**
         * Parses a number as people write it ({@link PhoneNumber#parse(String)}).
         *
         * @param number e.g. {@code 13812345678} or {@code +44 20 7946 0018}
         * @return the address
         */
        public static Msisdn of(String number) {
            return new Msisdn(PhoneNumber.parse(number));
        }

        @Override
        public ContactChannel channel() {
            return ContactChannel.SMS;
        }

        @Override
        public String key() {
            return "sms:" + number.e164();
        }

        @Override
        public String toString() {
            return "sms:" + number;
        }
    }

    /**
     * A follower of a WeChat official account: the account's app id and the user's open id in it.
     *
     * @param appId the official account's app id, e.g. {@code wx0123456789abcdef}
     * @param openId the user's open id under that app
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record WeChatOpenId(String appId, String openId) implements Address {
        /** Validates the address. */
        public WeChatOpenId {
            AddressSyntax.app(appId);
            AddressSyntax.user(openId, "open id");
        }

        @Override
        public ContactChannel channel() {
            return ContactChannel.WECHAT;
        }

        @Override
        public String key() {
            return "wechat:" + appId + ":" + openId;
        }

        @Override
        public String toString() {
            return "wechat:" + appId + ":" + AddressSyntax.mask(openId);
        }
    }

    /**
     * A user of a WeChat mini-program: the mini-program's app id and the user's open id in it.
     *
     * @param appId the mini-program's app id
     * @param openId the user's open id under that app
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record MiniProgramOpenId(String appId, String openId) implements Address {
        /** Validates the address. */
        public MiniProgramOpenId {
            AddressSyntax.app(appId);
            AddressSyntax.user(openId, "open id");
        }

        @Override
        public ContactChannel channel() {
            return ContactChannel.MINI_PROGRAM;
        }

        @Override
        public String key() {
            return "mini-program:" + appId + ":" + openId;
        }

        @Override
        public String toString() {
            return "mini-program:" + appId + ":" + AddressSyntax.mask(openId);
        }
    }

    /**
     * A WeCom (企业微信) member: the corporation's id and the member's user id.
     *
     * @param corpId the corporation id, e.g. {@code ww0123456789abcdef}
     * @param userId the member's user id
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record WeComUser(String corpId, String userId) implements Address {
        /** Validates the address. */
        public WeComUser {
            AddressSyntax.app(corpId);
            AddressSyntax.user(userId, "user id");
        }

        @Override
        public ContactChannel channel() {
            return ContactChannel.WECOM;
        }

        @Override
        public String key() {
            return "wecom:" + corpId + ":" + userId;
        }

        @Override
        public String toString() {
            return "wecom:" + corpId + ":" + AddressSyntax.mask(userId);
        }
    }
}
