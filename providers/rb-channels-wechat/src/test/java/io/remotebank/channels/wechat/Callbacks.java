package io.remotebank.channels.wechat;

import io.remotebank.channels.wechat.crypto.EncodingAesKey;
import io.remotebank.channels.wechat.crypto.MessageCrypt;
import io.remotebank.channels.wechat.crypto.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds signed callback requests as WeChat sends them, for the endpoint's tests. */
final class Callbacks {

    static final String TOKEN = "rbToken2026";
    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String OTHER_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj";
    static final String APP_ID = "wx0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    static final String OPEN_ID = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";

    private Callbacks() {}

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static String timestamp() {
        return Long.toString(NOW.getEpochSecond());
    }

    static MessageCrypt crypt() {
        return MessageCrypt.of(EncodingAesKey.of(KEY), APP_ID);
    }

    static String textMessage(String content, String msgId) {
        return "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[" + OPEN_ID
                + "]]></FromUserName><CreateTime>" + timestamp() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    /** A plaintext-mode POST, signed with {@code signature}. */
    static CallbackRequest plainPost(String body, String nonce) {
        return plainPost(body, nonce, timestamp());
    }

    static CallbackRequest plainPost(String body, String nonce, String timestamp) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("signature", Signatures.sign(TOKEN, timestamp, nonce));
        query.put("timestamp", timestamp);
        query.put("nonce", nonce);
        query.put("openid", OPEN_ID);
        return new CallbackRequest("POST", query, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A safe-mode POST: the message encrypted with the given crypto, signed with {@code msg_signature}. */
    static CallbackRequest safePost(MessageCrypt crypt, String message, String nonce) {
        String ciphertext = crypt.encrypt(message);
        return encryptedPost(
                "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Encrypt><![CDATA[" + ciphertext
                        + "]]></Encrypt></xml>",
                ciphertext,
                nonce);
    }

    static CallbackRequest encryptedPost(String body, String ciphertext, String nonce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("signature", Signatures.sign(TOKEN, timestamp(), nonce));
        query.put("timestamp", timestamp());
        query.put("nonce", nonce);
        query.put("openid", OPEN_ID);
        query.put("encrypt_type", "aes");
        query.put("msg_signature", Signatures.sign(TOKEN, timestamp(), nonce, ciphertext));
        return new CallbackRequest("POST", query, body.getBytes(StandardCharsets.UTF_8));
    }

    static CallbackConfig.Builder officialAccount(CallbackMode mode) {
        CallbackConfig.Builder builder = CallbackConfig.builder(Platform.OFFICIAL_ACCOUNT)
                .token(TOKEN)
                .receiveId(APP_ID)
                .mode(mode)
                .clock(clock());
        return mode == CallbackMode.PLAINTEXT ? builder : builder.aesKey(EncodingAesKey.of(KEY));
    }
}
