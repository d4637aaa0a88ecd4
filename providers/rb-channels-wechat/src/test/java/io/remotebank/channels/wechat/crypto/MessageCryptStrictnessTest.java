package io.remotebank.channels.wechat.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.wechat.CallbackException;
import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.core.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed ciphertext, padding and length is refused with its own code, nothing half-decoded. */
class MessageCryptStrictnessTest {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP = "wx0123456789abcdef";
    private static final MessageCrypt CRYPT = MessageCrypt.of(EncodingAesKey.of(KEY), APP);

    /** Encrypts raw bytes (already a multiple of 16) with the app's key, without any padding of ours. */
    private static String raw(byte[] plain) {
        try {
            byte[] key = Base64.getDecoder().decode(KEY + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** random(16) | length | message | app id, then the given pad bytes. */
    private static byte[] framed(int lengthField, byte[] message, byte[] pad) {
        byte[] id = APP.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(16 + 4 + message.length + id.length + pad.length);
        buffer.put(new byte[16]).putInt(lengthField).put(message).put(id).put(pad);
        return buffer.array();
    }

    private static byte[] pad(int count, int value) {
        byte[] pad = new byte[count];
        Arrays.fill(pad, (byte) value);
        return pad;
    }

    /** A pad that brings the frame to a multiple of 32, with its bytes as given. */
    private static byte[] aligned(int lengthField, byte[] message, int padValue) {
        int unpadded = 16 + 4 + message.length + APP.length();
        int count = 32 - unpadded % 32;
        return framed(lengthField, message, pad(count, padValue));
    }

    static Stream<Arguments> malformed() {
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        int goodPad = 32 - (16 + 4 + hello.length + APP.length()) % 32;
        byte[] wrongInsidePad = aligned(hello.length, hello, goodPad);
        wrongInsidePad[wrongInsidePad.length - 2] ^= 1;
        String valid = CRYPT.encrypt("hello");
        byte[] validBytes = Base64.getDecoder().decode(valid);
        return Stream.of(
                Arguments.of("empty", "", WeChatError.CIPHERTEXT_INVALID),
                Arguments.of("not Base64", "not*base64!", WeChatError.CIPHERTEXT_INVALID),
                Arguments.of("one AES block (16 bytes)", raw(new byte[16]), WeChatError.CIPHERTEXT_INVALID),
                Arguments.of(
                        "truncated by 16 bytes",
                        Base64.getEncoder().encodeToString(Arrays.copyOf(validBytes, validBytes.length - 16)),
                        WeChatError.CIPHERTEXT_INVALID),
                Arguments.of("pad byte 0", raw(aligned(hello.length, hello, 0)), WeChatError.PADDING_INVALID),
                Arguments.of(
                        "pad byte 33",
                        raw(framed(5, hello, withLast(pad(goodPad, goodPad), 33))),
                        WeChatError.PADDING_INVALID),
                Arguments.of("pad bytes differ", raw(wrongInsidePad), WeChatError.PADDING_INVALID),
                Arguments.of(
                        "over-padded: an extra block of 32s after the real pad",
                        raw(concat(aligned(hello.length, hello, goodPad), pad(32, 32))),
                        WeChatError.RECEIVE_ID_MISMATCH),
                Arguments.of("whole message is padding", raw(pad(32, 32)), WeChatError.PLAINTEXT_INVALID),
                Arguments.of("length field negative", raw(aligned(-1, hello, goodPad)), WeChatError.PLAINTEXT_INVALID),
                Arguments.of(
                        "length field past the end",
                        raw(aligned(hello.length + APP.length() + 1, hello, goodPad)),
                        WeChatError.PLAINTEXT_INVALID),
                Arguments.of(
                        "length field short: the receive id swallows message bytes",
                        raw(aligned(hello.length - 1, hello, goodPad)),
                        WeChatError.RECEIVE_ID_MISMATCH),
                Arguments.of(
                        "message not UTF-8",
                        raw(aligned(5, new byte[] {(byte) 0xC3, (byte) 0x28, 'a', 'b', 'c'}, goodPad)),
                        WeChatError.PLAINTEXT_INVALID));
    }

    private static byte[] withLast(byte[] bytes, int value) {
        bytes[bytes.length - 1] = (byte) value;
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedCiphertext_isRefusedWithItsCode(String name, String ciphertext, WeChatError code) {
        assertThatThrownBy(() -> CRYPT.decrypt(ciphertext))
                .isInstanceOfSatisfying(
                        CallbackException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void wellFormedFrame_decrypts() {
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        int goodPad = 32 - (16 + 4 + hello.length + APP.length()) % 32;

        assertThat(CRYPT.decrypt(raw(aligned(hello.length, hello, goodPad)))).isEqualTo("hello");
    }

    @Test
    void messageFillingWholeBlocks_getsAFullBlockOfPadding() {
        // 16 + 4 + 26 + 18 = 64: already aligned, so PKCS#7 adds 32 bytes of 32.
        String message = "abcdefghijklmnopqrstuvwxyz";

        String ciphertext = CRYPT.encrypt(message, new byte[16]);

        assertThat(Base64.getDecoder().decode(ciphertext)).hasSize(96);
        assertThat(CRYPT.decrypt(ciphertext)).isEqualTo(message);
    }

    @Test
    void encodingAesKey_ofAnotherLengthOrAlphabet_isRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> EncodingAesKey.of(KEY.substring(1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("channels.wechat.config.invalid")
                .hasMessageNotContaining(KEY.substring(1));
        assertThatThrownBy(() -> EncodingAesKey.of(KEY.substring(1) + "+"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("character 43");
        assertThat(EncodingAesKey.of(KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void signature_comparesOnlyFortyHexDigits() {
        String good = Signatures.sign("t", "1", "2");

        assertThat(Signatures.matches(good, "t", "1", "2")).isTrue();
        assertThat(Signatures.matches(good.toUpperCase(java.util.Locale.ROOT), "t", "1", "2"))
                .isFalse();
        assertThat(Signatures.matches(good.substring(1), "t", "1", "2")).isFalse();
        assertThat(Signatures.matches(null, "t", "1", "2")).isFalse();
    }
}
