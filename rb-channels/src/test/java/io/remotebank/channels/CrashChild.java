package io.remotebank.channels;

import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.KeyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The process the crash test kills: sends OTPs through a slow provider that appends to a file, and
 * prints {@code accepted <id>} after each {@code send} returns. Also the provider the restarted
 * dispatcher uses.
 */
public final class CrashChild {

    private CrashChild() {}

    /**
     * Runs the sender.
     *
     * @param args {@code providerLog count h2 FILE} or {@code providerLog count jdbc URL USER PASSWORD TABLE}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        OutboxStore store = open(args, 2);
        Messaging messaging = messaging(store, new FileProvider(log, Duration.ofMillis(40)));
        messaging.start();
        for (int i = 0; i < count; i++) {
            SendResult r = messaging.send(Fixture.otp(Fixture.ALICE_SMS, "crash:" + i));
            System.out.println("accepted " + r.id().value());
            System.out.flush();
        }
        System.out.println("all sent");
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await(); // until killed: nothing counts it down
    }

    static OutboxStore open(String[] args, int from) {
        return switch (args[from]) {
            case "h2" -> OutboxStores.h2(Path.of(args[from + 1]));
            case "jdbc" -> OutboxStores.jdbc(args[from + 1], args[from + 2], args[from + 3], args[from + 4]);
            default -> throw new IllegalArgumentException("unknown store " + args[from]);
        };
    }

    static Messaging messaging(OutboxStore store, ChannelProvider provider) {
        KeyProvider keys = KeyProviders.inMemory();
        KeyId signer = KeyId.of("audit/signer");
        keys.generate(signer, CryptoSuite.international().signingKeyType());
        AuditTrail trail =
                AuditTrail.builder(AuditStores.inMemory()).signer(keys, signer).open();
        io.remotebank.channels.template.TemplateRegistry templates =
                new io.remotebank.channels.template.TemplateRegistry();
        templates.register(io.remotebank.channels.template.Template.builder("otp.login", Category.OTP)
                .parameters("code")
                .text("Your login code is {code}.")
                .approval(io.remotebank.channels.template.ApprovalState.APPROVED)
                .build());
        return Messaging.builder()
                .store(store)
                .provider(provider)
                .auditTrail(trail)
                .templates(templates)
                .pollInterval(Duration.ofMillis(20))
                .batchSize(10)
                .lease(Duration.ofSeconds(2))
                .submitTimeout(Duration.ofSeconds(1))
                .build();
    }

    /**
     * A slow provider at the far end of a file: every submission is appended as {@code submit ID};
     * the first submission of each id also as {@code deliver ID} (de-duplication by message id, with
     * the ids seen so far read back from the file, so it survives the crash as a carrier would).
     */
    static final class FileProvider implements ChannelProvider {
        private final Path log;
        private final Duration latency;
        private final Set<String> seen = new HashSet<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "file-provider");
            t.setDaemon(true);
            return t;
        });

        FileProvider(Path log, Duration latency) throws IOException {
            this.log = log;
            this.latency = latency;
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.startsWith("deliver ")) {
                        seen.add(line.substring(8));
                    }
                }
            }
        }

        @Override
        public String name() {
            return "file";
        }

        @Override
        public Set<ContactChannel> channels() {
            return Set.of(ContactChannel.SMS);
        }

        @Override
        public boolean deduplicates() {
            return true;
        }

        @Override
        public CompletionStage<SubmitResult> submit(Submission submission) {
            CompletableFuture<SubmitResult> answer = new CompletableFuture<>();
            timer.schedule(
                    () -> {
                        String id = submission.id().value();
                        synchronized (this) {
                            append("submit " + id);
                            if (seen.add(id)) {
                                append("deliver " + id);
                            }
                        }
                        answer.complete(new SubmitResult.Submitted("f-" + id));
                    },
                    latency.toMillis(),
                    TimeUnit.MILLISECONDS);
            return answer;
        }

        private void append(String line) {
            try (FileChannel ch = FileChannel.open(
                    log, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }

        static List<String> lines(Path log) throws IOException {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        }
    }
}
