package io.remotebank.examples.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.channels.wechat.crypto.EncodingAesKey;
import io.remotebank.channels.wechat.crypto.MessageCrypt;
import io.remotebank.channels.wechat.crypto.Signatures;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code rb wechat-callback} end to end over loopback HTTP: Tencent's published WXBizMsgCrypt vectors
 * (sources in rb-channels-wechat's {@code MessageCryptVectorsTest}) replayed through it with the replay
 * check off, and attacks refused with their status, reported on stderr and never printed on stdout.
 */
class WeChatCallbackCommandTest extends CliTest {

    // WeCom's sample (加解密库, Sample.java): token, key, corp id, the URL verification and a message.
    private static final String WECOM_TOKEN = "QDG6eK";
    private static final String WECOM_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String WECOM_CORP = "wx5823bf96d3bd56c7";
    private static final String WECOM_ECHOSTR =
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    private static final String WECOM_ENCRYPT =
            "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    // The official account's sample (消息加解密, Sample.java): token, key, app id and a message.
    private static final String OA_TOKEN = "spamtest";
    private static final String OA_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String OA_APP = "wx2c2769f8efd9abc2";
    private static final String OA_ENCRYPT =
            "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
    private static final String OA_OPEN_ID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";

    private static final String TOKEN = "rbToken2026";
    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP = "wx0123456789abcdef";
    private static final String OPEN_ID = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringWriter serverOut = new StringWriter();
    private final StringWriter serverErr = new StringWriter();
    private WeChatCallbackCommand command;
    private CompletableFuture<Integer> exit;
    private int port;

    @TempDir
    Path dir;

    private void serve(String... args) throws Exception {
        command = new WeChatCallbackCommand();
        CommandLine cl = RbCli.configure(new CommandLine(command));
        cl.setOut(new PrintWriter(serverOut, true));
        cl.setErr(new PrintWriter(serverErr, true));
        String[] all = new String[args.length + 2];
        all[0] = "--port";
        all[1] = "0";
        System.arraycopy(args, 0, all, 2, args.length);
        exit = CompletableFuture.supplyAsync(() -> cl.execute(all));
        port = command.ready().get(10, TimeUnit.SECONDS).get("http");
    }

    @AfterEach
    void stop() throws Exception {
        if (command != null && exit != null && !exit.isDone()) {
            command.requestStop();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        }
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/?" + query))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String query, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/?" + query))
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String envelope(String ciphertext) {
        return "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Encrypt><![CDATA[" + ciphertext
                + "]]></Encrypt></xml>";
    }

    /** A signed, encrypted POST query for our own app, stamped now (the command runs on the real clock). */
    private static String signedQuery(String ciphertext, String nonce) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return "timestamp=" + ts + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                + Signatures.sign(TOKEN, ts, nonce, ciphertext);
    }

    private static String textMessage(String content, String msgId) {
        return "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[" + OPEN_ID
                + "]]></FromUserName><CreateTime>1764000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    private List<JsonNode> messages() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : serverOut.toString().split("\n")) {
            if (!line.startsWith("{")) {
                continue; // the text form of the ready event, without --json
            }
            JsonNode node = json.readTree(line);
            if ("message".equals(node.path("event").asText())) {
                lines.add(node);
            }
        }
        return lines;
    }

    private void serveOwnApp(String... extra) throws Exception {
        String[] args = new String[] {"--token", TOKEN, "--aes-key", KEY, "--receive-id", APP, "--json"};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        serve(all);
    }

    @Test
    void weComPublishedVectors_verifyTheUrl_andPrintTheMessage() throws Exception {
        // tag::wecom[]
        serve(
                "--platform",
                "wecom",
                "--token",
                WECOM_TOKEN,
                "--aes-key",
                WECOM_KEY,
                "--receive-id",
                WECOM_CORP,
                "--replay-window",
                "0", // the vectors are from 2014
                "--json");
        // end::wecom[]
        assertThat(serverOut.toString()).contains("\"event\":\"ready\"", "\"http\":" + port);

        HttpResponse<String> verified = get("msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
                + "&timestamp=1409659589&nonce=263014780&echostr=" + enc(WECOM_ECHOSTR));
        HttpResponse<String> message = post(
                "msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149",
                envelope(WECOM_ENCRYPT));

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo("1616140317555161061");
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body()).isEqualTo("success");
        assertThat(messages()).singleElement().satisfies(m -> {
            assertThat(m.get("type").asText()).isEqualTo("TEXT");
            assertThat(m.get("from").asText()).isEqualTo("mycr****");
            assertThat(m.get("content").asText()).isEqualTo("hello");
            // A 19-digit MsgId looks like a card number to rb's output masking: shown whole with --unmasked.
            assertThat(m.get("msgId").asText()).isEqualTo("456125*********5929");
        });
        assertThat(serverErr.toString()).doesNotContain("refused");
    }

    @Test
    void officialAccountPublishedVector_isPrinted_withTheOpenIdMasked() throws Exception {
        serve("--token", OA_TOKEN, "--aes-key", OA_KEY, "--receive-id", OA_APP, "--replay-window", "0");

        HttpResponse<String> message = post(
                "msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fa&timestamp=1409735669&nonce=1320562132"
                        + "&encrypt_type=aes",
                envelope(OA_ENCRYPT));

        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(messages()).singleElement().satisfies(m -> {
            assertThat(m.get("from").asText()).isEqualTo("oyOR****");
            assertThat(m.get("content").asText()).isEqualTo("abcdteT");
            assertThat(m.get("msgId").asText()).isEqualTo("605476*********3728");
        });
        assertThat(serverOut.toString()).doesNotContain(OA_OPEN_ID);
    }

    @Test
    void unmasked_printsTheOpenIdAndTheMsgIdWhole() throws Exception {
        serve("--token", OA_TOKEN, "--aes-key", OA_KEY, "--receive-id", OA_APP, "--replay-window", "0", "--unmasked");

        post(
                "msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fa&timestamp=1409735669&nonce=1320562132",
                envelope(OA_ENCRYPT));

        assertThat(messages()).singleElement().satisfies(m -> {
            assertThat(m.get("from").asText()).isEqualTo(OA_OPEN_ID);
            assertThat(m.get("msgId").asText()).isEqualTo("6054768590064713728");
        });
    }

    @Test
    void ownRoundTrip_withTheKeyFromAFile_isPrinted_andItsReplayRefused() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("aes.key"), KEY + "\n");
        serve("--token", TOKEN, "--aes-key-file", keyFile.toString(), "--receive-id", APP, "--json");
        String ciphertext = MessageCrypt.of(EncodingAesKey.of(KEY), APP).encrypt(textMessage("余额查询", "101"));
        String query = signedQuery(ciphertext, "5501");

        HttpResponse<String> first = post(query, envelope(ciphertext));
        HttpResponse<String> replayed = post(query, envelope(ciphertext));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(messages())
                .singleElement()
                .satisfies(m -> assertThat(m.get("content").asText()).isEqualTo("余额查询"));
        assertThat(serverErr.toString()).contains("refused 409 channels.wechat.callback.replayed");
    }

    @Test
    void attacks_areRefusedWithTheirStatus_reportedOnStderr_andNeverPrinted() throws Exception {
        serveOwnApp();
        MessageCrypt ours = MessageCrypt.of(EncodingAesKey.of(KEY), APP);
        String good = ours.encrypt(textMessage("legit", "1"));

        // Bad signature.
        assertThat(post(
                                "timestamp=" + Instant.now().getEpochSecond()
                                        + "&nonce=1&encrypt_type=aes&msg_signature=" + "0".repeat(40),
                                envelope(good))
                        .statusCode())
                .isEqualTo(401);
        // Encrypted for another app with the same key.
        String otherApp =
                MessageCrypt.of(EncodingAesKey.of(KEY), "wxfedcba9876543210").encrypt(textMessage("other app", "2"));
        assertThat(post(signedQuery(otherApp, "2"), envelope(otherApp)).statusCode())
                .isEqualTo(403);
        // Encrypted with another key.
        String otherKey = MessageCrypt.of(EncodingAesKey.of("ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj"), APP)
                .encrypt(textMessage("wrong key", "3"));
        assertThat(post(signedQuery(otherKey, "3"), envelope(otherKey)).statusCode())
                .isEqualTo(400);
        // Truncated ciphertext (one block short), signed over what is sent.
        byte[] raw = java.util.Base64.getDecoder().decode(good);
        String truncated = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 16));
        assertThat(post(signedQuery(truncated, "4"), envelope(truncated)).statusCode())
                .isEqualTo(400);
        // Over-padded: a whole extra block of padding after a valid frame.
        String overPadded = overPadded(textMessage("over-padded", "8"));
        assertThat(post(signedQuery(overPadded, "8"), envelope(overPadded)).statusCode())
                .isEqualTo(403);
        // Billion laughs inside a properly encrypted and signed message.
        String laughs = ours.encrypt("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<xml><FromUserName>" + OPEN_ID + "</FromUserName><MsgType>text</MsgType>"
                + "<Content>&lol2;</Content><MsgId>5</MsgId></xml>");
        assertThat(post(signedQuery(laughs, "5"), envelope(laughs)).statusCode())
                .isEqualTo(400);
        // XXE: an external entity naming a local file.
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FILE");
        String xxe = ours.encrypt("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]><xml><FromUserName>" + OPEN_ID
                + "</FromUserName><MsgType>text</MsgType><Content>&x;</Content><MsgId>6</MsgId></xml>");
        assertThat(post(signedQuery(xxe, "6"), envelope(xxe)).statusCode()).isEqualTo(400);
        // Oversize body.
        assertThat(post(signedQuery(good, "7"), "<xml>" + "A".repeat(70 * 1024) + "</xml>")
                        .statusCode())
                .isEqualTo(413);

        assertThat(messages()).isEmpty();
        assertThat(serverOut.toString())
                .doesNotContain("TOP-SECRET-FILE", "lol", "wrong key", "other app", "over-padded");
        assertThat(serverErr.toString())
                .contains(
                        "refused 401 channels.wechat.callback.signature.invalid",
                        "refused 403 channels.wechat.callback.receive.id.mismatch",
                        "refused 400 channels.wechat.callback.padding.invalid",
                        "refused 400 channels.wechat.callback.ciphertext.invalid",
                        "refused 400 channels.wechat.callback.body.invalid",
                        "refused 413 channels.wechat.callback.body.too.large")
                .doesNotContain("TOP-SECRET-FILE");
    }

    /** WXBizMsgCrypt's frame for our app with 32 more pad bytes than it needs, encrypted with our key. */
    private static String overPadded(String message) throws Exception {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = APP.getBytes(StandardCharsets.US_ASCII);
        int unpadded = 16 + 4 + text.length + id.length;
        int pad = 32 - unpadded % 32;
        java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(unpadded + pad + 32);
        frame.put(new byte[16]).putInt(text.length).put(text).put(id);
        while (frame.hasRemaining()) {
            frame.put((byte) (frame.position() < unpadded + pad ? pad : 32));
        }
        byte[] key = java.util.Base64.getDecoder().decode(KEY + "=");
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(
                javax.crypto.Cipher.ENCRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.IvParameterSpec(java.util.Arrays.copyOf(key, 16)));
        return java.util.Base64.getEncoder().encodeToString(aes.doFinal(frame.array()));
    }

    @Test
    void ping_answers200_andPrintsNothing() throws Exception {
        serveOwnApp();

        assertThat(get("ping=1").statusCode()).isEqualTo(200);
        assertThat(messages()).isEmpty();
    }

    @Test
    void urlVerification_ofAnOfficialAccount_echoesTheEchostr() throws Exception {
        serveOwnApp();
        String ts = Long.toString(Instant.now().getEpochSecond());

        HttpResponse<String> response =
                get("signature=" + Signatures.sign(TOKEN, ts, "42") + "&timestamp=" + ts + "&nonce=42&echostr=73519");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("73519");
    }

    @Test
    void staleTimestamp_isRefused_whileTheReplayWindowIsOn() throws Exception {
        serveOwnApp("--replay-window", "60");
        String ciphertext = MessageCrypt.of(EncodingAesKey.of(KEY), APP).encrypt(textMessage("old", "9"));
        String ts = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());

        HttpResponse<String> response = post(
                "timestamp=" + ts + "&nonce=9&msg_signature=" + Signatures.sign(TOKEN, ts, "9", ciphertext),
                envelope(ciphertext));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(messages()).isEmpty();
    }

    @Test
    void tokenAndKey_neverAppearInTheOutput() throws Exception {
        serveOwnApp();
        command.requestStop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);

        assertThat(serverOut.toString() + serverErr)
                .doesNotContain(TOKEN)
                .doesNotContain(KEY)
                .contains("\"event\":\"stopped\"");
    }

    @Test
    void missingKey_isAUsageError() {
        int code = rb("wechat-callback", "--port", "0", "--token", TOKEN, "--receive-id", APP);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--aes-key, --aes-key-file or --aes-key-env");
    }

    @Test
    void badKey_isAUsageError_thatDoesNotRepeatIt() {
        int code =
                rb("wechat-callback", "--port", "0", "--token", TOKEN, "--aes-key", "short-key", "--receive-id", APP);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).doesNotContain("short-key");
    }

    @Test
    void replayWindowOutOfRange_isAUsageError() {
        int code = rb(
                "wechat-callback",
                "--port",
                "0",
                "--token",
                TOKEN,
                "--aes-key",
                KEY,
                "--receive-id",
                APP,
                "--replay-window",
                "7200");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--replay-window must be 0-3600");
    }

    @Test
    void portInUse_exitsWith3() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int code = rb(
                    "wechat-callback",
                    "--port",
                    Integer.toString(taken.getLocalPort()),
                    "--token",
                    TOKEN,
                    "--aes-key",
                    KEY,
                    "--receive-id",
                    APP);

            assertThat(code).isEqualTo(ExitCodes.RUNTIME_ERROR);
            assertThat(err.toString()).contains("cannot listen on");
        }
    }
}
