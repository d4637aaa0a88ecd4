package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The message encryption mode chosen on the WeChat console (消息加解密方式). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CallbackMode {
    /** 明文模式: messages are not encrypted; the endpoint refuses encrypted ones. */
    PLAINTEXT,
    /**
     * 兼容模式: WeChat sends both; the endpoint takes the encrypted message when the request carries
     * {@code msg_signature}, and then ignores the plaintext copy, otherwise the signed plaintext.
     */
    COMPATIBLE,
    /** 安全模式: every message is encrypted; the endpoint refuses plaintext ones. */
    SAFE
}
