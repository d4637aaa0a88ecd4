package io.remotebank.channels.wechat.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.util.Arrays;
import java.util.Base64;
import org.apiguardian.api.API;

/**
 * The EncodingAESKey of an official account, mini-program or WeCom app: 43 characters of {@code
 * A-Z a-z 0-9}, the Base64 form (without its trailing {@code =}) of the 32-byte AES-256 key. A secret:
 * {@code toString} shows nothing of it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EncodingAesKey {

    /** The length of the text form. */
    public static final int LENGTH = 43;

    private final byte[] key;

    private EncodingAesKey(byte[] key) {
        this.key = key;
    }

    /**
     * Reads the text form configured on the WeChat or WeCom console.
     *
     * @param encodingAesKey 43 characters of {@code A-Z a-z 0-9}
     * @return the key
     * @throws ValidationException with {@link WeChatError#CONFIG_INVALID} when it has another length
     *     or character (the message does not repeat it)
     */
    public static EncodingAesKey of(String encodingAesKey) {
        Arguments.notNull(encodingAesKey, "EncodingAESKey");
        if (encodingAesKey.length() != LENGTH) {
            throw new ValidationException(
                    WeChatError.CONFIG_INVALID,
                    "EncodingAESKey must be " + LENGTH + " characters, got " + encodingAesKey.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = encodingAesKey.charAt(i);
            boolean alphanumeric = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alphanumeric) {
                throw new ValidationException(
                        WeChatError.CONFIG_INVALID,
                        "EncodingAESKey must be A-Z, a-z and 0-9 only; character " + (i + 1) + " is not");
            }
        }
        // AESKey = Base64_Decode(EncodingAESKey + "="): 44 Base64 characters are 33 bytes minus the
        // one padding byte, so exactly 32.
        return new EncodingAesKey(Base64.getDecoder().decode(encodingAesKey + "="));
    }

    /** The 32-byte AES key (a copy). */
    byte[] bytes() {
        return key.clone();
    }

    /** The initialisation vector: the key's first 16 bytes, as WXBizMsgCrypt defines it. */
    byte[] iv() {
        return Arrays.copyOf(key, 16);
    }

    @Override
    public String toString() {
        return "EncodingAesKey[****]";
    }
}
