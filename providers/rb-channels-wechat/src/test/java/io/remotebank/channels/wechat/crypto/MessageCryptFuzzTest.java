package io.remotebank.channels.wechat.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.remotebank.channels.wechat.CallbackException;
import io.remotebank.channels.wechat.WeChatError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fuzzes WXBizMsgCrypt decryption. {@code frame}: the input is taken as the decrypted plaintext
 * (zero-filled to whole 32-byte blocks) and encrypted with the key, so that the fuzzer steers what
 * the unpadding, the length field, the receive-id check and the UTF-8 decoding see; {@code wire}: the
 * input is the {@code Encrypt} field as sent. Either decryption fails with one of its four codes, or
 * it succeeds and encrypting the message again with the same random prefix gives back the same
 * ciphertext: only a canonical frame is accepted. In a normal build Jazzer replays the seed corpora in
 * {@code MessageCryptFuzzTestInputs/frame} and {@code /wire}; {@code JAZZER_FUZZ=1} fuzzes for up to
 * ten minutes.
 */
class MessageCryptFuzzTest {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String RECEIVE_ID = "wx0123456789abcdef";
    private static final MessageCrypt CRYPT = MessageCrypt.of(EncodingAesKey.of(KEY), RECEIVE_ID);
    private static final Set<WeChatError> CODES = Set.of(
            WeChatError.CIPHERTEXT_INVALID,
            WeChatError.PADDING_INVALID,
            WeChatError.PLAINTEXT_INVALID,
            WeChatError.RECEIVE_ID_MISMATCH);

    @FuzzTest(maxDuration = "10m")
    void frame(byte[] input) throws GeneralSecurityException {
        int blocks = Math.max(1, (input.length + 31) / 32);
        byte[] plain = Arrays.copyOf(input, blocks * 32);
        byte[] key = Base64.getDecoder().decode(KEY + "=");
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        String ciphertext = Base64.getEncoder().encodeToString(aes.doFinal(plain));
        decryptAndCheck(ciphertext, Arrays.copyOf(plain, 16));
    }

    @FuzzTest(maxDuration = "10m")
    void wire(byte[] input) {
        String ciphertext = new String(input, StandardCharsets.ISO_8859_1);
        String message;
        try {
            message = CRYPT.decrypt(ciphertext);
        } catch (CallbackException e) {
            expected(e);
            return;
        }
        if (message == null) {
            throw new IllegalStateException("decrypted to null");
        }
    }

    private static void decryptAndCheck(String ciphertext, byte[] randomPrefix) {
        String message;
        try {
            message = CRYPT.decrypt(ciphertext);
        } catch (CallbackException e) {
            expected(e);
            return;
        }
        String again = CRYPT.encrypt(message, randomPrefix);
        if (!again.equals(ciphertext)) {
            throw new IllegalStateException("a non-canonical frame was accepted");
        }
    }

    private static void expected(CallbackException e) {
        if (!CODES.contains(e.code())) {
            throw new IllegalStateException("decryption failed with another code: " + e.code(), e);
        }
    }
}
