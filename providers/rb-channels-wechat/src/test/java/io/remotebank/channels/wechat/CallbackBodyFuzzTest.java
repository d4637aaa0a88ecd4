package io.remotebank.channels.wechat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.remotebank.channels.wechat.crypto.Signatures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzes the decoding of callback bodies through the endpoint: any body, correctly signed (so that it
 * reaches the parser), is answered 200 and delivered as fields, or refused with 400 {@code
 * channels.wechat.callback.body.invalid} (or 413 past the size limit); anything else (an exception
 * escaping, a 500, a field the parser invented) fails. The XML target runs the messages into {@link
 * WeChatInbound}, as in production. In a normal build Jazzer replays the seed corpora in {@code
 * CallbackBodyFuzzTestInputs/xml} and {@code /json} (WeChat's documented messages and events, and the
 * attacks: XXE, billion laughs, duplicated and deep fields); {@code JAZZER_FUZZ=1} fuzzes for up to
 * ten minutes.
 */
class CallbackBodyFuzzTest {

    private static final String TOKEN = "rbToken2026";
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());
    private static final Set<Integer> ACCEPTABLE = Set.of(200, 400, 413);

    private static CallbackEndpoint endpoint(BodyFormat format, CallbackListener listener) {
        return CallbackEndpoint.of(
                CallbackConfig.builder(Platform.MINI_PROGRAM)
                        .token(TOKEN)
                        .receiveId("wx0123456789abcdef")
                        .mode(CallbackMode.PLAINTEXT)
                        .format(format)
                        .replayWindow(Duration.ZERO) // every input is a new request
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .build(),
                listener);
    }

    private static final CallbackEndpoint XML = endpoint(
            BodyFormat.XML,
            WeChatInbound.builder(Platform.MINI_PROGRAM, "wx0123456789abcdef", message -> {})
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .build());

    private static final CallbackEndpoint JSON = endpoint(BodyFormat.JSON, CallbackBodyFuzzTest::check);

    private static CallbackRequest signed(byte[] body) {
        return new CallbackRequest(
                "POST",
                Map.of("signature", Signatures.sign(TOKEN, TIMESTAMP, "1"), "timestamp", TIMESTAMP, "nonce", "1"),
                body);
    }

    /** Fields come out with names and values, no more than the parser allows. */
    private static Optional<String> check(CallbackMessage message) {
        if (message.fields().size() > 256) {
            throw new IllegalStateException(
                    "more fields than the parser allows: " + message.fields().size());
        }
        message.fields().forEach((name, value) -> {
            if (name.isEmpty()) {
                throw new IllegalStateException("a field without a name");
            }
        });
        message.toString();
        return Optional.empty();
    }

    private static void answer(CallbackEndpoint endpoint, byte[] input) {
        CallbackResponse response = endpoint.apply(signed(input));
        if (!ACCEPTABLE.contains(response.status())) {
            throw new IllegalStateException("answered " + response.status() + ": " + response.bodyText());
        }
        if (response.status() == 400 && !response.bodyText().equals(WeChatError.BODY_INVALID.code())) {
            throw new IllegalStateException("refused with another code: " + response.bodyText());
        }
    }

    @FuzzTest(maxDuration = "10m")
    void xml(byte[] input) {
        answer(XML, input);
    }

    @FuzzTest(maxDuration = "10m")
    void json(byte[] input) {
        answer(JSON, input);
    }
}
