package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.wechat.crypto.MessageCrypt;
import io.remotebank.channels.wechat.crypto.Signatures;
import io.remotebank.channels.wechat.internal.JsonBody;
import io.remotebank.channels.wechat.internal.ReplayGuard;
import io.remotebank.channels.wechat.internal.SafeXml;
import io.remotebank.core.Arguments;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback URL of an official account, mini-program or WeCom app as a plain function: a {@link
 * CallbackRequest} in, a {@link CallbackResponse} out, so that an application mounts it in a Servlet,
 * Spring WebFlux, Netty or {@link io.remotebank.channels.wechat.server.CallbackServer}.
 *
 * <p>For every request, in this order: the size limit; the signature (SHA-1 over the sorted token,
 * timestamp, nonce and ciphertext, compared in constant time); the replay window; then decryption
 * (strict WXBizMsgCrypt) with the receive id checked; then the body, parsed with DTDs refused. Only a
 * request that passes every check reaches the {@link CallbackListener}; a refused one is answered
 * with the status of its {@link WeChatError} code and logged with the code, never with its content.
 *
 * <p>Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CallbackEndpoint implements Function<CallbackRequest, CallbackResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackEndpoint.class);

    private static final int MAX_ECHOSTR = 512;
    private static final int MAX_NONCE = 64;

    private final CallbackConfig config;
    private final CallbackListener listener;
    private final ReplayGuard replay;
    private final SecureRandom random = new SecureRandom();

    private CallbackEndpoint(CallbackConfig config, CallbackListener listener) {
        this.config = config;
        this.listener = listener;
        this.replay = new ReplayGuard(config.clock(), config.replayWindow(), config.maxRecentRequests());
    }

    /**
     * Creates an endpoint.
     *
     * @param config the settings
     * @param listener receives each accepted message
     * @return the endpoint
     */
    public static CallbackEndpoint of(CallbackConfig config, CallbackListener listener) {
        return new CallbackEndpoint(Arguments.notNull(config, "config"), Arguments.notNull(listener, "listener"));
    }

    /** The settings. */
    public CallbackConfig config() {
        return config;
    }

    /**
     * Answers one request; never throws for anything the request contains.
     *
     * @param request the request
     * @return the response: 200 with the echo, {@code success} or the reply; 4xx/5xx when refused
     */
    @Override
    public CallbackResponse apply(CallbackRequest request) {
        Arguments.notNull(request, "request");
        try {
            if (request.body().length > config.maxBodyBytes()) {
                throw new CallbackException(
                        WeChatError.BODY_TOO_LARGE,
                        "the body is " + request.body().length + " bytes, the limit " + config.maxBodyBytes());
            }
            return switch (request.method()) {
                case "GET" -> verifyUrl(request);
                case "POST" -> receive(request);
                default ->
                    throw new CallbackException(
                            WeChatError.REQUEST_INVALID, "method " + safe(request.method()) + " is not served");
            };
        } catch (CallbackException e) {
            LOG.warn("WeChat callback refused ({}): {}", e.code().code(), e.getMessage());
            return CallbackResponse.text(e.httpStatus(), e.code().code());
        }
    }

    /** The GET that the console sends when the URL is saved (验证 URL 有效性). */
    private CallbackResponse verifyUrl(CallbackRequest request) {
        String timestamp = required(request, "timestamp");
        String nonce = nonce(request);
        String echostr = required(request, "echostr");
        if (echostr.length() > MAX_ECHOSTR) {
            throw new CallbackException(WeChatError.REQUEST_INVALID, "echostr is longer than " + MAX_ECHOSTR);
        }
        long seconds = seconds(timestamp);
        if (config.platform() == Platform.WECOM) {
            String signature = required(request, "msg_signature");
            checkSignature(signature, config.token(), timestamp, nonce, echostr);
            replay.admit(seconds, nonce + "|" + signature);
            // WeCom sends echostr encrypted; the answer is its plaintext.
            return CallbackResponse.text(200, crypt().decrypt(echostr));
        }
        String signature = required(request, "signature");
        checkSignature(signature, config.token(), timestamp, nonce);
        if (!echostr.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new CallbackException(WeChatError.REQUEST_INVALID, "echostr is not printable ASCII");
        }
        replay.admit(seconds, nonce + "|" + signature);
        return CallbackResponse.text(200, echostr);
    }

    private CallbackResponse receive(CallbackRequest request) {
        String timestamp = required(request, "timestamp");
        String nonce = nonce(request);
        long seconds = seconds(timestamp);
        boolean encrypted = request.parameter("msg_signature").isPresent();
        if (encrypted && config.mode() == CallbackMode.PLAINTEXT) {
            throw new CallbackException(WeChatError.REQUEST_INVALID, "an encrypted message in plaintext mode");
        }
        if (!encrypted && config.mode() == CallbackMode.SAFE) {
            throw new CallbackException(WeChatError.REQUEST_INVALID, "a plaintext message in safe mode");
        }
        Map<String, String> outer = parse(request.body());
        String signature;
        Map<String, String> fields;
        if (encrypted) {
            signature = request.parameter("msg_signature").orElseThrow();
            String ciphertext = outer.get("Encrypt");
            if (ciphertext == null) {
                throw new CallbackException(WeChatError.BODY_INVALID, "the encrypted body has no Encrypt field");
            }
            checkSignature(signature, config.token(), timestamp, nonce, ciphertext);
            replay.admit(seconds, nonce + "|" + signature);
            try {
                // Compatible mode's plaintext copy in the outer body is ignored: only what the
                // signature and the key vouch for counts.
                fields = parse(crypt().decrypt(ciphertext).getBytes(StandardCharsets.UTF_8));
            } catch (CallbackException e) {
                replay.forget(seconds, nonce + "|" + signature);
                throw e;
            }
        } else {
            signature = required(request, "signature");
            checkSignature(signature, config.token(), timestamp, nonce);
            replay.admit(seconds, nonce + "|" + signature);
            fields = outer;
        }
        CallbackMessage message = new CallbackMessage(fields, encrypted, config.format());
        Optional<String> reply;
        try {
            reply = listener.onMessage(message);
        } catch (CallbackException e) {
            // The listener refused the message's content (e.g. a sender id no address can hold).
            replay.forget(seconds, nonce + "|" + signature);
            throw e;
        } catch (RuntimeException e) {
            // Not answered: WeChat retries, and the retry must not be taken for a replay.
            replay.forget(seconds, nonce + "|" + signature);
            LOG.error(
                    "WeChat callback listener failed on {}: {}",
                    message,
                    e.getClass().getName());
            return CallbackResponse.text(500, "listener failed");
        }
        if (reply == null || reply.isEmpty()) {
            return CallbackResponse.text(200, "success");
        }
        return encrypted ? encryptedReply(reply.get()) : plainReply(reply.get());
    }

    private CallbackResponse plainReply(String reply) {
        return new CallbackResponse(200, contentType(), reply.getBytes(StandardCharsets.UTF_8));
    }

    /** The reply envelope of WXBizMsgCrypt's EncryptMsg: ciphertext, its signature, timestamp, nonce. */
    private CallbackResponse encryptedReply(String reply) {
        String ciphertext = crypt().encrypt(reply);
        String timestamp = Long.toString(config.clock().instant().getEpochSecond());
        String nonce = Long.toString(1_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
        String signature = Signatures.sign(config.token(), timestamp, nonce, ciphertext);
        String body;
        if (config.format() == BodyFormat.JSON) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Encrypt", ciphertext);
            fields.put("MsgSignature", signature);
            fields.put("TimeStamp", timestamp);
            fields.put("Nonce", nonce);
            body = JsonBody.write(fields);
        } else {
            // Base64, hex and digits need no escaping inside CDATA.
            body = "<xml><Encrypt><![CDATA[" + ciphertext + "]]></Encrypt><MsgSignature><![CDATA[" + signature
                    + "]]></MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce><![CDATA[" + nonce
                    + "]]></Nonce></xml>";
        }
        return new CallbackResponse(200, contentType(), body.getBytes(StandardCharsets.UTF_8));
    }

    private String contentType() {
        return config.format() == BodyFormat.JSON
                ? "application/json; charset=utf-8"
                : "application/xml; charset=utf-8";
    }

    private Map<String, String> parse(byte[] body) {
        return config.format() == BodyFormat.JSON ? JsonBody.fields(body) : SafeXml.fields(body);
    }

    private MessageCrypt crypt() {
        return config.crypt()
                .orElseThrow(() -> new CallbackException(
                        WeChatError.REQUEST_INVALID, "an encrypted request to an endpoint without a key"));
    }

    private static void checkSignature(String received, String... parts) {
        if (!Signatures.matches(received, parts)) {
            throw new CallbackException(WeChatError.SIGNATURE_INVALID, "the signature does not match");
        }
    }

    private static String required(CallbackRequest request, String name) {
        String value = request.parameter(name).orElse("");
        if (value.isEmpty()) {
            throw new CallbackException(WeChatError.REQUEST_INVALID, "query parameter " + name + " is missing");
        }
        return value;
    }

    private static String nonce(CallbackRequest request) {
        String nonce = required(request, "nonce");
        if (nonce.length() > MAX_NONCE || !nonce.chars().allMatch(c -> c > ' ' && c < 127 && c != '|')) {
            throw new CallbackException(WeChatError.REQUEST_INVALID, "nonce is not 1 to 64 printable characters");
        }
        return nonce;
    }

    private static long seconds(String timestamp) {
        if (timestamp.length() > 12 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CallbackException(WeChatError.REQUEST_INVALID, "timestamp is not 1 to 12 digits");
        }
        return Long.parseLong(timestamp);
    }

    private static String safe(String text) {
        return text.length() <= 16 && text.chars().allMatch(c -> c > ' ' && c < 127) ? text : "(unprintable)";
    }

    @Override
    public String toString() {
        return "CallbackEndpoint[" + config + "]";
    }
}
