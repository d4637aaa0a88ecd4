package io.remotebank.channels.wechat.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tencent's published WXBizMsgCrypt sample vectors. Sources:
 *
 * <ul>
 *   <li>WeCom (企业微信): the sample program of the encryption library, "加解密库下载与返回码",
 *       https://developer.work.weixin.qq.com/document/path/90307 (download
 *       https://open.work.weixin.qq.com/wwopen/downloadfile/java.zip, Sample.java): token {@code
 *       QDG6eK}, corp id {@code wx5823bf96d3bd56c7}, the URL-verification GET and the message POST.
 *   <li>Official accounts (公众号): the test class of the "消息加解密" sample code,
 *       https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html
 *       (WXBizMsgCryptTest.java): token {@code pamtest}, the fixed random {@code aaaabbbbccccdddd},
 *       and the Sample of the same download for the message POST (token {@code spamtest}).
 * </ul>
 */
class MessageCryptVectorsTest {

    private static final String WECOM_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String WECOM_CORP = "wx5823bf96d3bd56c7";
    private static final String OA_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    static Stream<Arguments> signedCiphertexts() {
        return Stream.of(
                Arguments.of(
                        "WeCom URL verification (GET echostr)",
                        "QDG6eK",
                        WECOM_KEY,
                        WECOM_CORP,
                        "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
                        "1409659589",
                        "263014780",
                        "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
                        "1616140317555161061"),
                Arguments.of(
                        "WeCom message (POST Encrypt)",
                        "QDG6eK",
                        WECOM_KEY,
                        WECOM_CORP,
                        "477715d11cdb4164915debcba66cb864d751f3e6",
                        "1409659813",
                        "1372623149",
                        WeChatVectors.WECOM_ENCRYPT,
                        WeChatVectors.WECOM_PLAIN),
                Arguments.of(
                        "official account message (POST Encrypt)",
                        "spamtest",
                        OA_KEY,
                        "wx2c2769f8efd9abc2",
                        "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
                        "1409735669",
                        "1320562132",
                        WeChatVectors.OA_ENCRYPT,
                        WeChatVectors.OA_PLAIN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedCiphertexts")
    void publishedVector_signatureMatches_andDecryptsToThePublishedMessage(
            String name,
            String token,
            String key,
            String receiveId,
            String signature,
            String timestamp,
            String nonce,
            String ciphertext,
            String plaintext) {
        assertThat(Signatures.sign(token, timestamp, nonce, ciphertext)).isEqualTo(signature);
        assertThat(Signatures.matches(signature, token, timestamp, nonce, ciphertext))
                .isTrue();

        MessageCrypt crypt = MessageCrypt.of(EncodingAesKey.of(key), receiveId);

        assertThat(crypt.decrypt(ciphertext)).isEqualTo(plaintext);
    }

    static Stream<Arguments> fixedRandomEncryptions() {
        return Stream.of(
                Arguments.of(
                        "我是中文abcd123",
                        "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=="),
                Arguments.of(WeChatVectors.OA_REPLY_2, WeChatVectors.OA_REPLY_2_ENCRYPTED));
    }

    @ParameterizedTest
    @MethodSource("fixedRandomEncryptions")
    void officialAccountSample_encryptsWithTheFixedRandom_toThePublishedCiphertext(String message, String expected) {
        MessageCrypt crypt = MessageCrypt.of(EncodingAesKey.of(OA_KEY), "wxb11529c136998cb6");

        String ciphertext = crypt.encrypt(message, "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII));

        assertThat(ciphertext).isEqualTo(expected);
        assertThat(crypt.decrypt(ciphertext)).isEqualTo(message);
    }
}
