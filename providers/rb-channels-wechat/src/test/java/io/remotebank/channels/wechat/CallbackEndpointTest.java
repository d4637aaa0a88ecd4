package io.remotebank.channels.wechat;

import static io.remotebank.channels.wechat.Callbacks.APP_ID;
import static io.remotebank.channels.wechat.Callbacks.OPEN_ID;
import static io.remotebank.channels.wechat.Callbacks.TOKEN;
import static io.remotebank.channels.wechat.Callbacks.crypt;
import static io.remotebank.channels.wechat.Callbacks.officialAccount;
import static io.remotebank.channels.wechat.Callbacks.plainPost;
import static io.remotebank.channels.wechat.Callbacks.safePost;
import static io.remotebank.channels.wechat.Callbacks.textMessage;
import static io.remotebank.channels.wechat.Callbacks.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.wechat.crypto.EncodingAesKey;
import io.remotebank.channels.wechat.crypto.MessageCrypt;
import io.remotebank.channels.wechat.crypto.Signatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackEndpointTest {

    private final List<CallbackMessage> accepted = new ArrayList<>();

    private CallbackEndpoint endpoint(CallbackConfig config) {
        return CallbackEndpoint.of(config, message -> {
            accepted.add(message);
            return Optional.empty();
        });
    }

    @Test
    void officialAccountUrlVerification_echoesEchostr_whenSigned() {
        CallbackEndpoint endpoint = endpoint(officialAccount(CallbackMode.SAFE).build());
        String nonce = "1514711492";

        CallbackResponse response = endpoint.apply(new CallbackRequest(
                "GET",
                Map.of(
                        "signature",
                        Signatures.sign(TOKEN, timestamp(), nonce),
                        "timestamp",
                        timestamp(),
                        "nonce",
                        nonce,
                        "echostr",
                        "4075181314397890557"),
                new byte[0]));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("4075181314397890557");
    }

    @Test
    void urlVerification_withAWrongSignature_isRefusedWith401() {
        CallbackEndpoint endpoint = endpoint(officialAccount(CallbackMode.SAFE).build());

        CallbackResponse response = endpoint.apply(new CallbackRequest(
                "GET",
                Map.of(
                        "signature",
                        Signatures.sign("anotherToken", timestamp(), "1"),
                        "timestamp",
                        timestamp(),
                        "nonce",
                        "1",
                        "echostr",
                        "42"),
                new byte[0]));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).isEqualTo("channels.wechat.callback.signature.invalid");
    }

    @Test
    void plaintextMessage_signed_reachesTheListener() {
        CallbackEndpoint endpoint =
                endpoint(officialAccount(CallbackMode.PLAINTEXT).build());

        CallbackResponse response = endpoint.apply(plainPost(textMessage("你好", "1001"), "n1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("success");
        assertThat(accepted).singleElement().satisfies(m -> {
            assertThat(m.msgType()).isEqualTo("text");
            assertThat(m.field("Content")).contains("你好");
            assertThat(m.fromUser()).isEqualTo(OPEN_ID);
            assertThat(m.encrypted()).isFalse();
            assertThat(m.toString()).doesNotContain(OPEN_ID).contains("o6_b****");
        });
    }

    @Test
    void safeModeMessage_isDecrypted_andTheReplyIsEncryptedAndSigned() {
        CallbackEndpoint endpoint = CallbackEndpoint.of(
                officialAccount(CallbackMode.SAFE).build(),
                message -> Optional.of("<xml><Content>reply</Content></xml>"));

        CallbackResponse response = endpoint.apply(safePost(crypt(), textMessage("hello", "1002"), "n2"));

        assertThat(response.status()).isEqualTo(200);
        Map<String, String> envelope = io.remotebank.channels.wechat.internal.SafeXml.fields(response.body());
        assertThat(envelope).containsKeys("Encrypt", "MsgSignature", "TimeStamp", "Nonce");
        assertThat(envelope.get("TimeStamp")).isEqualTo(timestamp());
        assertThat(Signatures.matches(
                        envelope.get("MsgSignature"),
                        TOKEN,
                        envelope.get("TimeStamp"),
                        envelope.get("Nonce"),
                        envelope.get("Encrypt")))
                .isTrue();
        assertThat(crypt().decrypt(envelope.get("Encrypt"))).isEqualTo("<xml><Content>reply</Content></xml>");
    }

    @Test
    void safeMode_refusesAPlaintextMessage() {
        CallbackEndpoint endpoint = endpoint(officialAccount(CallbackMode.SAFE).build());

        CallbackResponse response = endpoint.apply(plainPost(textMessage("hi", "1"), "n"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).isEqualTo("channels.wechat.callback.request.invalid");
        assertThat(accepted).isEmpty();
    }

    @Test
    void compatibleMode_takesTheEncryptedCopy_andIgnoresTheForgeablePlaintext() {
        CallbackEndpoint endpoint =
                endpoint(officialAccount(CallbackMode.COMPATIBLE).build());
        String ciphertext = crypt().encrypt(textMessage("the real text", "1003"));
        String body = "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[oAttacker]]>"
                + "</FromUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[forged]]></Content>"
                + "<Encrypt><![CDATA[" + ciphertext + "]]></Encrypt></xml>";

        CallbackResponse response = endpoint.apply(Callbacks.encryptedPost(body, ciphertext, "n3"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(accepted).singleElement().satisfies(m -> {
            assertThat(m.field("Content")).contains("the real text");
            assertThat(m.fromUser()).isEqualTo(OPEN_ID);
            assertThat(m.encrypted()).isTrue();
        });
    }

    @Test
    void compatibleMode_acceptsASignedPlaintextMessage() {
        CallbackEndpoint endpoint =
                endpoint(officialAccount(CallbackMode.COMPATIBLE).build());

        CallbackResponse response = endpoint.apply(plainPost(textMessage("plain", "1004"), "n4"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(accepted)
                .singleElement()
                .satisfies(m -> assertThat(m.encrypted()).isFalse());
    }

    @Test
    void messageForAnotherAppId_isRefusedWith403() {
        CallbackEndpoint endpoint = endpoint(officialAccount(CallbackMode.SAFE).build());
        MessageCrypt otherApp = MessageCrypt.of(EncodingAesKey.of(Callbacks.KEY), "wxffffffffffffffff");

        CallbackResponse response = endpoint.apply(safePost(otherApp, textMessage("hi", "1"), "n5"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).isEqualTo("channels.wechat.callback.receive.id.mismatch");
        assertThat(accepted).isEmpty();
    }

    @Test
    void messageEncryptedWithAnotherKey_isRefused() {
        CallbackEndpoint endpoint = endpoint(officialAccount(CallbackMode.SAFE).build());
        MessageCrypt wrongKey = MessageCrypt.of(EncodingAesKey.of(Callbacks.OTHER_KEY), APP_ID);

        CallbackResponse response = endpoint.apply(safePost(wrongKey, textMessage("hi", "1"), "n6"));

        assertThat(response.status()).isIn(400, 403);
        assertThat(response.bodyText())
                .isIn(
                        "channels.wechat.callback.padding.invalid",
                        "channels.wechat.callback.plaintext.invalid",
                        "channels.wechat.callback.receive.id.mismatch");
        assertThat(accepted).isEmpty();
    }

    @Test
    void sameSignedRequestTwice_insideTheWindow_isRefusedTheSecondTime() {
        CallbackEndpoint endpoint = endpoint(officialAccount(CallbackMode.SAFE).build());
        CallbackRequest request = safePost(crypt(), textMessage("once", "1005"), "n7");

        CallbackResponse first = endpoint.apply(request);
        CallbackResponse second = endpoint.apply(request);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.bodyText()).isEqualTo("channels.wechat.callback.replayed");
        assertThat(accepted).hasSize(1);
    }

    @Test
    void timestampOutsideTheWindow_isRefused() {
        CallbackEndpoint endpoint = endpoint(officialAccount(CallbackMode.PLAINTEXT)
                .replayWindow(Duration.ofMinutes(5))
                .build());
        String stale = Long.toString(Callbacks.NOW.getEpochSecond() - 301);

        CallbackResponse response = endpoint.apply(plainPost(textMessage("old", "1"), "n8", stale));

        assertThat(response.status()).isEqualTo(409);
        assertThat(accepted).isEmpty();
    }

    @Test
    void replayWindowZero_turnsTheCheckOff_forPublishedVectors() {
        CallbackEndpoint endpoint = endpoint(officialAccount(CallbackMode.PLAINTEXT)
                .replayWindow(Duration.ZERO)
                .build());

        endpoint.apply(plainPost(textMessage("a", "1"), "n9", "1409659813"));
        endpoint.apply(plainPost(textMessage("a", "1"), "n9", "1409659813"));

        assertThat(accepted).hasSize(2);
    }

    @Test
    void listenerFailure_answers500_andTheRetryIsNotTakenForAReplay() {
        int[] calls = {0};
        CallbackEndpoint endpoint =
                CallbackEndpoint.of(officialAccount(CallbackMode.SAFE).build(), message -> {
                    if (calls[0]++ == 0) {
                        throw new IllegalStateException("database down");
                    }
                    return Optional.empty();
                });
        CallbackRequest request = safePost(crypt(), textMessage("retry me", "1006"), "n10");

        assertThat(endpoint.apply(request).status()).isEqualTo(500);
        assertThat(endpoint.apply(request).status()).isEqualTo(200);
    }

    @Test
    void xxe_externalEntity_isRefused_andTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-KEY-MATERIAL");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>" + OPEN_ID + "</FromUserName>"
                + "<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>";
        CallbackEndpoint endpoint =
                endpoint(officialAccount(CallbackMode.PLAINTEXT).build());

        CallbackResponse response = endpoint.apply(plainPost(body, "n11"));

        assertThat(accepted).noneMatch(m -> m.fields().containsValue("TOP-SECRET-KEY-MATERIAL"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).isEqualTo("channels.wechat.callback.body.invalid");
        assertThat(accepted).isEmpty();
    }

    @Test
    void billionLaughs_insideTheEncryptedMessage_isRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE xml [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"");
            dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = dtd + "<xml><FromUserName>x</FromUserName><MsgType>text</MsgType><Content>&l9;</Content></xml>";
        CallbackEndpoint endpoint = endpoint(officialAccount(CallbackMode.SAFE).build());

        CallbackResponse response = endpoint.apply(safePost(crypt(), bomb, "n12"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).isEqualTo("channels.wechat.callback.body.invalid");
        assertThat(accepted).isEmpty();
    }

    @Test
    void oversizeBody_isRefusedWith413_beforeAnyParsing() {
        CallbackEndpoint endpoint = endpoint(
                officialAccount(CallbackMode.PLAINTEXT).maxBodyBytes(4096).build());
        String big = textMessage("x".repeat(5000), "1");

        CallbackResponse response = endpoint.apply(plainPost(big, "n13"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(accepted).isEmpty();
    }

    @Test
    void duplicatedField_isRefused_soNoCheckReadsOneCopyAndTheAppTheOther() {
        String body = "<xml><FromUserName>a</FromUserName><FromUserName>b</FromUserName><MsgType>text</MsgType></xml>";
        CallbackEndpoint endpoint =
                endpoint(officialAccount(CallbackMode.PLAINTEXT).build());

        assertThat(endpoint.apply(plainPost(body, "n14")).status()).isEqualTo(400);
        assertThat(accepted).isEmpty();
    }

    @Test
    void duplicatedQueryParameter_isRefused() {
        assertThatThrownBy(() -> CallbackRequest.of("POST", "nonce=1&nonce=2", new byte[0]))
                .isInstanceOfSatisfying(
                        CallbackException.class, e -> assertThat(e.code()).isEqualTo(WeChatError.REQUEST_INVALID));
    }

    @Test
    void weComUrlVerification_decryptsTheEchostr_ofThePublishedSample() {
        CallbackEndpoint endpoint = endpoint(CallbackConfig.builder(Platform.WECOM)
                .token("QDG6eK")
                .aesKey(EncodingAesKey.of("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"))
                .receiveId("wx5823bf96d3bd56c7")
                .replayWindow(Duration.ZERO)
                .build());

        // The GET of the WeCom sample (see MessageCryptVectorsTest), with its percent-encoding.
        CallbackResponse response = endpoint.apply(CallbackRequest.of(
                "GET",
                "msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780"
                        + "&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO"
                        + "%2BFZXvnaqQ%3D%3D",
                new byte[0]));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("1616140317555161061");
    }

    @Test
    void miniProgramJson_safeMode_roundTrips() {
        CallbackEndpoint endpoint = CallbackEndpoint.of(
                CallbackConfig.builder(Platform.MINI_PROGRAM)
                        .token(TOKEN)
                        .aesKey(EncodingAesKey.of(Callbacks.KEY))
                        .receiveId(APP_ID)
                        .format(BodyFormat.JSON)
                        .clock(Callbacks.clock())
                        .build(),
                message -> {
                    accepted.add(message);
                    return Optional.empty();
                });
        String inner = "{\"ToUserName\":\"gh_mini\",\"FromUserName\":\"" + OPEN_ID + "\",\"CreateTime\":" + timestamp()
                + ",\"MsgType\":\"text\",\"Content\":\"hi\",\"MsgId\":2001}";
        String ciphertext = crypt().encrypt(inner);
        String body = "{\"ToUserName\":\"gh_mini\",\"Encrypt\":\"" + ciphertext + "\"}";

        CallbackResponse response = endpoint.apply(Callbacks.encryptedPost(body, ciphertext, "n15"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(accepted).singleElement().satisfies(m -> {
            assertThat(m.field("MsgId")).contains("2001");
            assertThat(m.format()).isEqualTo(BodyFormat.JSON);
        });
    }

    @Test
    void miniProgramJson_withADuplicateKey_isRefused() {
        CallbackEndpoint endpoint = endpoint(CallbackConfig.builder(Platform.MINI_PROGRAM)
                .token(TOKEN)
                .receiveId(APP_ID)
                .mode(CallbackMode.PLAINTEXT)
                .format(BodyFormat.JSON)
                .clock(Callbacks.clock())
                .build());

        CallbackResponse response = endpoint.apply(plainPost("{\"FromUserName\":\"a\",\"FromUserName\":\"b\"}", "n16"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(accepted).isEmpty();
    }

    @Test
    void configToString_showsNeitherTokenNorKey() {
        CallbackConfig config = officialAccount(CallbackMode.SAFE).build();

        assertThat(config.toString())
                .doesNotContain(TOKEN)
                .doesNotContain(Callbacks.KEY)
                .contains("****");
        assertThat(new String(config.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contains(APP_ID);
    }
}
