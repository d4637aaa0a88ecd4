package io.remotebank.examples.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.channels.Address;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.wechat.CallbackConfig;
import io.remotebank.channels.wechat.CallbackEndpoint;
import io.remotebank.channels.wechat.CallbackMode;
import io.remotebank.channels.wechat.Platform;
import io.remotebank.channels.wechat.WeChatInbound;
import io.remotebank.channels.wechat.crypto.EncodingAesKey;
import io.remotebank.channels.wechat.server.CallbackServer;
import io.remotebank.core.RbException;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.Secret;
import io.remotebank.examples.cli.ServerCommand;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rb wechat-callback}: serves a WeChat (official account, mini-program) or WeCom callback URL on
 * {@code /} with rb-channels-wechat's {@link CallbackEndpoint}, until interrupted, and prints each
 * accepted inbound message as one JSON line. A refused request is answered with its error status and
 * reported on stderr, never printed on stdout.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "wechat-callback",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a WeChat or WeCom callback URL on / (GET: URL verification; POST: messages and events;",
            "GET /?ping=1 answers 200) until SIGINT or SIGTERM. Signature (constant time), replay window,",
            "WXBizMsgCrypt decryption and the receive id are checked; XML is read with DTDs refused.",
            "Each accepted message is printed as one JSON line on stdout (type, from masked unless",
            "--unmasked, content, msgId); a refused request is answered with its error status and",
            "reported on stderr only. With --json the ready and stopped events are JSON lines too."
        })
public final class WeChatCallbackCommand extends ServerCommand {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "P",
            required = true,
            description = "The TCP port of the callback URL (0: any free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to listen on (default ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(
            names = "--token",
            paramLabel = "T",
            description = "The callback token from the console (or --token-file, --token-env).")
    String token;

    @Option(names = "--token-file", paramLabel = "F", description = "A file holding the token.")
    Path tokenFile;

    @Option(names = "--token-env", paramLabel = "VAR", description = "An environment variable holding the token.")
    String tokenEnv;

    @Option(
            names = "--aes-key",
            paramLabel = "K",
            description = "The 43-character EncodingAESKey (prefer --aes-key-file or --aes-key-env).")
    String aesKey;

    @Option(names = "--aes-key-file", paramLabel = "F", description = "A file holding the EncodingAESKey.")
    Path aesKeyFile;

    @Option(
            names = "--aes-key-env",
            paramLabel = "V",
            description = "An environment variable holding the EncodingAESKey.")
    String aesKeyEnv;

    @Option(
            names = "--receive-id",
            paramLabel = "ID",
            required = true,
            description = "The app id (official account, mini-program) or the corp id (WeCom) messages must name.")
    String receiveId;

    @Option(
            names = "--replay-window",
            paramLabel = "SECONDS",
            description = "How far a request's timestamp may lie from now, and how long a signed request is"
                    + " remembered, 0-3600 (default ${DEFAULT-VALUE}; 0 turns the replay check off, e.g. to"
                    + " replay published vectors).")
    int replayWindowSeconds = 300;

    @Option(
            names = "--platform",
            paramLabel = "NAME",
            description = "official-account (default), mini-program or wecom (URL verification differs).")
    String platform = "official-account";

    @Option(
            names = "--compatible",
            description = "Compatible mode (兼容模式): also accept signed plaintext messages (default: safe mode,"
                    + " encrypted only).")
    boolean compatible;

    /** For picocli. */
    public WeChatCallbackCommand() {}

    @Override
    protected RunningServer start() {
        Platform chosen = platform();
        if (replayWindowSeconds < 0 || replayWindowSeconds > 3600) {
            throw new ParameterException(
                    spec.commandLine(), "--replay-window must be 0-3600 seconds, got " + replayWindowSeconds);
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535, got " + port);
        }
        if (compatible && chosen == Platform.WECOM) {
            throw new ParameterException(spec.commandLine(), "--compatible: WeCom callbacks are always encrypted");
        }
        CallbackConfig config;
        try {
            config = CallbackConfig.builder(chosen)
                    .token(reveal(secret("--token", token, tokenFile, tokenEnv, "the callback token")))
                    .aesKey(EncodingAesKey.of(
                            reveal(secret("--aes-key", aesKey, aesKeyFile, aesKeyEnv, "the EncodingAESKey"))))
                    .receiveId(receiveId)
                    .mode(compatible ? CallbackMode.COMPATIBLE : CallbackMode.SAFE)
                    .replayWindow(Duration.ofSeconds(replayWindowSeconds))
                    .build();
        } catch (RbException e) {
            // The messages of the key and token checks never repeat the value.
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean unmasked = output().unmasked();
        WeChatInbound inbound;
        try {
            inbound = WeChatInbound.builder(chosen, receiveId, message -> print(out, message, unmasked))
                    .build();
        } catch (RbException e) {
            throw new ParameterException(spec.commandLine(), "--receive-id: " + e.getMessage());
        }
        Function<io.remotebank.channels.wechat.CallbackRequest, io.remotebank.channels.wechat.CallbackResponse>
                endpoint = CallbackEndpoint.of(config, inbound);
        CallbackServer server;
        try {
            server = CallbackServer.start(
                    new InetSocketAddress(host, port), endpoint, config.maxBodyBytes(), 4, (status, code) -> {
                        synchronized (err) {
                            err.println(spec.name() + ": refused " + status + " " + code);
                            err.flush();
                        }
                    });
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " ("
                    + e.getCause().getClass().getSimpleName() + ")");
        }
        return new RunningServer() {
            @Override
            public Map<String, Integer> ports() {
                return Map.of("http", server.address().getPort());
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    private Platform platform() {
        return switch (platform.toLowerCase(Locale.ROOT)) {
            case "official-account" -> Platform.OFFICIAL_ACCOUNT;
            case "mini-program" -> Platform.MINI_PROGRAM;
            case "wecom" -> Platform.WECOM;
            default ->
                throw new ParameterException(
                        spec.commandLine(),
                        "--platform must be official-account, mini-program or wecom, got '" + platform + "'");
        };
    }

    private Secret secret(String option, String value, Path file, String env, String what) {
        try {
            return Secret.resolve(option, value, file, env, System::getenv)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(),
                            "give " + what + " with " + option + ", " + option + "-file or " + option + "-env"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String reveal(Secret secret) {
        char[] chars = secret.reveal();
        try {
            return new String(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static void print(PrintWriter out, InboundMessage message, boolean unmasked) {
        ObjectNode line = Json.object()
                .put("event", "message")
                .put("type", message.kind().name())
                .put("from", user(message.from(), unmasked))
                .put("content", message.text());
        message.providerMessageId().ifPresentOrElse(id -> line.put("msgId", id), () -> line.putNull("msgId"));
        synchronized (out) {
            out.println(Json.line(line));
            out.flush();
        }
    }

    private static String user(Address from, boolean unmasked) {
        String id;
        if (from instanceof Address.WeChatOpenId a) {
            id = a.openId();
        } else if (from instanceof Address.MiniProgramOpenId a) {
            id = a.openId();
        } else if (from instanceof Address.WeComUser a) {
            id = a.userId();
        } else {
            return from.toString(); // masked by its own toString
        }
        if (unmasked) {
            return id;
        }
        return id.length() <= 4 ? "****" : id.substring(0, 4) + "****";
    }
}
