package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ErrorCode;
import io.remotebank.core.RbException;
import io.remotebank.core.ValidationException;
import org.apiguardian.api.API;

/** The error codes of the WeChat provider; {@code docs/rb-channels-wechat.md} lists each one. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum WeChatError implements ErrorCode {
    /** A callback, crypto or client setting is missing or out of range. */
    CONFIG_INVALID(
            "channels.wechat.config.invalid",
            "A WeChat callback, crypto or client setting is missing or out of range.",
            ValidationException.class,
            0),
    /** A callback's signature is missing, malformed or does not match. */
    SIGNATURE_INVALID(
            "channels.wechat.callback.signature.invalid",
            "The callback's signature or msg_signature is missing, malformed or does not match the token.",
            CallbackException.class,
            401),
    /** The encrypted part is not Base64, or its length is not a whole number of 32-byte blocks. */
    CIPHERTEXT_INVALID(
            "channels.wechat.callback.ciphertext.invalid",
            "The Encrypt field or echostr is not Base64 or not a whole number of 32-byte blocks.",
            CallbackException.class,
            400),
    /** The decrypted bytes do not end in valid PKCS#7 padding to a 32-byte block. */
    PADDING_INVALID(
            "channels.wechat.callback.padding.invalid",
            "The decrypted message does not end in PKCS#7 padding of 1 to 32 bytes (wrong key or tampered).",
            CallbackException.class,
            400),
    /** The decrypted message's length field or text is malformed. */
    PLAINTEXT_INVALID(
            "channels.wechat.callback.plaintext.invalid",
            "The decrypted message is too short, its length field points outside it, or it is not UTF-8.",
            CallbackException.class,
            400),
    /** The decrypted message names another app id or corp id. */
    RECEIVE_ID_MISMATCH(
            "channels.wechat.callback.receive.id.mismatch",
            "The decrypted message is addressed to another app id or corp id than the endpoint's.",
            CallbackException.class,
            403),
    /** The timestamp lies outside the replay window, or the request was seen before. */
    REPLAYED(
            "channels.wechat.callback.replayed",
            "The callback's timestamp is outside the replay window, or the same signed request came before.",
            CallbackException.class,
            409),
    /** The endpoint holds as many recent requests as it may; it refuses more until they age out. */
    OVERLOADED(
            "channels.wechat.callback.overloaded",
            "The replay guard is full of requests inside the window; WeChat retries later.",
            CallbackException.class,
            503),
    /** The body is not well-formed, declares a DTD, or lacks a required field. */
    BODY_INVALID(
            "channels.wechat.callback.body.invalid",
            "The callback body is not well-formed XML or JSON, declares a DTD or entities, or lacks a field.",
            CallbackException.class,
            400),
    /** The body is longer than the endpoint's limit. */
    BODY_TOO_LARGE(
            "channels.wechat.callback.body.too.large",
            "The callback body is longer than the endpoint's size limit.",
            CallbackException.class,
            413),
    /** No valid access token could be had in time: the refresh failed, or another node's did not finish. */
    TOKEN_UNAVAILABLE(
            "channels.wechat.token.unavailable",
            "No valid access token could be had in time: the refresh failed or another node's refresh did not"
                    + " finish within the wait.",
            WeChatException.class,
            0),
    /** The token store could not read or write. */
    TOKEN_STORE_FAILED(
            "channels.wechat.token.store.failed",
            "The access-token store could not read or write; nothing was changed.",
            WeChatException.class,
            0),
    /** The WeChat API answered with an errcode, or not with the JSON it documents. */
    API_ERROR(
            "channels.wechat.api.error",
            "The WeChat API answered with an errcode (see errcode()), or with something other than its JSON.",
            WeChatApiException.class,
            0),
    /** The request is not one the endpoint serves (method, mode, missing parameters). */
    REQUEST_INVALID(
            "channels.wechat.callback.request.invalid",
            "The callback request uses another method, lacks a parameter, or uses a mode the endpoint refuses.",
            CallbackException.class,
            400);

    private final String code;
    private final String meaning;
    private final Class<? extends RbException> exceptionType;
    private final int httpStatus;

    WeChatError(String code, String meaning, Class<? extends RbException> exceptionType, int httpStatus) {
        this.code = code;
        this.meaning = meaning;
        this.exceptionType = exceptionType;
        this.httpStatus = httpStatus;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /**
     * A bad setting is a {@link ValidationException}; a refused callback is a {@link
     * CallbackException}, which carries the HTTP status to answer; an API error is a {@link
     * WeChatApiException}, which carries WeChat's errcode; the rest is a {@link WeChatException}.
     */
    @Override
    public Class<? extends RbException> exceptionType() {
        return exceptionType;
    }

    /** The HTTP status a callback refused with this code is answered with (0 when not a callback code). */
    int httpStatus() {
        return httpStatus;
    }
}
