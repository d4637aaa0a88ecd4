package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Which Tencent platform calls the endpoint; they differ in how the URL is verified. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Platform {
    /**
     * A WeChat official account (公众号): the URL is verified with {@code signature} over token,
     * timestamp and nonce, and {@code echostr} is answered as sent; messages come in plaintext,
     * compatible or safe mode. Receive id: the app id.
     */
    OFFICIAL_ACCOUNT,
    /**
     * A WeChat mini-program (小程序): verified like an official account; messages in XML or JSON.
     * Receive id: the app id.
     */
    MINI_PROGRAM,
    /**
     * WeCom (企业微信): the URL is verified with {@code msg_signature} over token, timestamp, nonce and
     * an encrypted {@code echostr} that is answered decrypted; every message is encrypted. Receive
     * id: the corp id (or the suite id of a third-party app).
     */
    WECOM
}
