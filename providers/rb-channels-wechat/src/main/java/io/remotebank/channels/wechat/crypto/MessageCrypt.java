package io.remotebank.channels.wechat.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.wechat.CallbackException;
import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * WXBizMsgCrypt, the message encryption of WeChat official accounts, mini-programs and WeCom,
 * implemented from Tencent's description of it:
 *
 * <pre>
 * msg_encrypt = Base64(AES-256-CBC(key, iv = key[0..16), PKCS#7-to-32(random(16) | len(msg) as 4 bytes, big-endian | msg | receive id)))
 * </pre>
 *
 * <p>Decryption is strict: a ciphertext that is not Base64 or not a whole number of 32-byte blocks,
 * padding that is not 1 to 32 bytes all equal to their count, a length field that points outside the
 * message, text that is not UTF-8, and a receive id other than the configured one are each refused
 * with their own {@link WeChatError} code; nothing is half-decoded. Check the signature first ({@link
 * Signatures}): only then does the padding check run, so it cannot serve as a padding oracle.
 *
 * <p>Thread-safe; a {@link Cipher} is made per call.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MessageCrypt {

    /** WXBizMsgCrypt pads to 32-byte blocks (twice AES's block), with PKCS#7's scheme. */
    static final int BLOCK = 32;

    private static final int RANDOM = 16;
    private static final int LENGTH_FIELD = 4;

    private final EncodingAesKey key;
    private final String receiveId;
    private final byte[] receiveIdBytes;
    private final SecureRandom random;

    private MessageCrypt(EncodingAesKey key, String receiveId, SecureRandom random) {
        this.key = key;
        this.receiveId = receiveId;
        this.receiveIdBytes = receiveId.getBytes(StandardCharsets.UTF_8);
        this.random = random;
    }

    /**
     * Creates the crypto of one app.
     *
     * @param key the app's EncodingAESKey
     * @param receiveId the official account's or mini-program's app id, WeCom's corp id (or suite
     *     id for a third-party app): the id every decrypted message must end with
     * @return the crypto
     * @throws ValidationException with {@link WeChatError#CONFIG_INVALID} when the receive id is
     *     blank or longer than 128 characters
     */
    public static MessageCrypt of(EncodingAesKey key, String receiveId) {
        Arguments.notNull(key, "EncodingAESKey");
        checkReceiveId(receiveId);
        return new MessageCrypt(key, receiveId, new SecureRandom());
    }

    static void checkReceiveId(String receiveId) {
        Arguments.notBlank(receiveId, "receive id");
        if (receiveId.length() > 128 || !receiveId.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new ValidationException(
                    WeChatError.CONFIG_INVALID, "receive id must be 1 to 128 printable ASCII characters");
        }
    }

    /** The app id or corp id this crypto expects. */
    public String receiveId() {
        return receiveId;
    }

    /**
     * Encrypts a reply with 16 fresh random bytes.
     *
     * @param message the plain reply (XML or JSON)
     * @return the Base64 ciphertext, the {@code Encrypt} field of the reply
     */
    public String encrypt(String message) {
        byte[] prefix = new byte[RANDOM];
        random.nextBytes(prefix);
        return encrypt(message, prefix);
    }

    /**
     * Encrypts with the given 16 random bytes: for published test vectors, never for replies.
     *
     * @param message the plain message
     * @param randomPrefix exactly 16 bytes
     * @return the Base64 ciphertext
     */
    public String encrypt(String message, byte[] randomPrefix) {
        Arguments.notNull(message, "message");
        Arguments.length(randomPrefix, RANDOM, RANDOM, "random prefix");
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int unpadded = RANDOM + LENGTH_FIELD + text.length + receiveIdBytes.length;
        int pad = BLOCK - unpadded % BLOCK; // 1..32: a whole block of 32s when already aligned
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(randomPrefix).putInt(text.length).put(text).put(receiveIdBytes);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        try {
            return Base64.getEncoder()
                    .encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding with a 32-byte key is available on Java 17", e);
        }
    }

    /**
     * Decrypts a message and checks that it is addressed to this receive id.
     *
     * @param ciphertext the {@code Encrypt} field or the WeCom {@code echostr}
     * @return the plain message
     * @throws CallbackException with {@link WeChatError#CIPHERTEXT_INVALID}, {@link
     *     WeChatError#PADDING_INVALID}, {@link WeChatError#PLAINTEXT_INVALID} or {@link
     *     WeChatError#RECEIVE_ID_MISMATCH}
     */
    public String decrypt(String ciphertext) {
        Arguments.notNull(ciphertext, "ciphertext");
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new CallbackException(WeChatError.CIPHERTEXT_INVALID, "the ciphertext is not Base64");
        }
        if (sealed.length == 0 || sealed.length % BLOCK != 0) {
            throw new CallbackException(
                    WeChatError.CIPHERTEXT_INVALID,
                    "the ciphertext is " + sealed.length + " bytes, not a positive multiple of " + BLOCK);
        }
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE).doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding with a 32-byte key is available on Java 17", e);
        }
        int content = unpaddedLength(plain);
        if (content < RANDOM + LENGTH_FIELD) {
            throw new CallbackException(
                    WeChatError.PLAINTEXT_INVALID,
                    "the message is " + content + " bytes, shorter than its random prefix and length field");
        }
        int length = ByteBuffer.wrap(plain, RANDOM, LENGTH_FIELD).getInt();
        int available = content - RANDOM - LENGTH_FIELD;
        if (length < 0 || length > available) {
            throw new CallbackException(
                    WeChatError.PLAINTEXT_INVALID,
                    "the length field says " + length + " bytes, the message holds " + available);
        }
        int idStart = RANDOM + LENGTH_FIELD + length;
        byte[] id = Arrays.copyOfRange(plain, idStart, content);
        if (!Arrays.equals(id, receiveIdBytes)) {
            throw new CallbackException(
                    WeChatError.RECEIVE_ID_MISMATCH,
                    "the message is addressed to a receive id of " + id.length + " bytes other than this endpoint's");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain, RANDOM + LENGTH_FIELD, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CallbackException(WeChatError.PLAINTEXT_INVALID, "the message is not UTF-8");
        }
    }

    /**
     * PKCS#7 to 32-byte blocks (RFC 2315 10.3 note 2, with k = 32): the last byte n is 1..32 and the
     * last n bytes all equal n. Every byte of the candidate pad is examined whatever n says.
     */
    private static int unpaddedLength(byte[] plain) {
        int pad = plain[plain.length - 1] & 0xFF;
        int bad = (pad == 0 || pad > BLOCK) ? 1 : 0;
        for (int i = 1; i <= BLOCK; i++) {
            int inPad = i <= pad ? 1 : 0;
            int differs = (plain[plain.length - i] & 0xFF) != pad ? 1 : 0;
            bad |= inPad & differs;
        }
        if (bad != 0) {
            throw new CallbackException(
                    WeChatError.PADDING_INVALID, "the message does not end in PKCS#7 padding of 1 to 32 bytes");
        }
        return plain.length - pad;
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        byte[] bytes = key.bytes();
        try {
            cipher.init(mode, new SecretKeySpec(bytes, "AES"), new IvParameterSpec(key.iv()));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return cipher;
    }

    @Override
    public String toString() {
        return "MessageCrypt[receiveId=" + receiveId + ", key=****]";
    }
}
