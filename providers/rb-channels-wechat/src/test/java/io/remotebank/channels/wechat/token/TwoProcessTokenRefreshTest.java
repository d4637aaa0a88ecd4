package io.remotebank.channels.wechat.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.wechat.simulator.WeChatApiSimulator;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes (this JVM and a forked one), each with ten threads, share one JDBC token store (an
 * H2 file database in server mode) and fetch from the simulator's classic token endpoint, where every
 * fetch issues a new token and so would knock out the other's: whenever the token is missing or
 * invalidated, exactly one of the twenty callers fetches, and all twenty get that token.
 */
class TwoProcessTokenRefreshTest {

    private static final String APP_ID = "wx0123456789abcdef";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    /** Fingerprints of the tokens {@code callers} threads got when asking at the same moment. */
    static List<String> askAtOnce(AccessTokens tokens, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AccessToken>> asked = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                asked.add(pool.submit(() -> {
                    start.await();
                    return tokens.current().toCompletableFuture().get(60, TimeUnit.SECONDS);
                }));
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<AccessToken> f : asked) {
                got.add(fingerprint(f.get(90, TimeUnit.SECONDS)));
            }
            return got;
        } finally {
            pool.shutdownNow();
        }
    }

    static String fingerprint(AccessToken token) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 6);
    }

    private static String classPath() {
        List<String> parts = new ArrayList<>();
        parts.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        parts.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                parts.add(value);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    @Test
    void twoProcessesOfTenThreads_fetchExactlyOncePerInvalidation() throws Exception {
        // The parent opens the database first and keeps it open: the child reaches it through H2's
        // automatic server.
        String url = "jdbc:h2:file:" + dir.resolve("tokens").toAbsolutePath() + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        try (WeChatApiSimulator wechat =
                WeChatApiSimulator.builder().app(APP_ID, SECRET).build().start()) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            AccessTokens tokens = AccessTokens.builder(
                            APP_ID,
                            WeChatTokenEndpoint.classicToken(
                                    wechat.uri(), APP_ID, AppSecret.of(SECRET), http, Duration.ofSeconds(10)),
                            TokenStores.jdbc(dataSource))
                    .holder("parent")
                    .waitForOthers(Duration.ofMillis(20), Duration.ofSeconds(30))
                    .build();
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Dslf4j.provider=io.remotebank.testsupport.logging.CapturingSlf4jProvider",
                            "-cp",
                            classPath(),
                            TokenRefreshChild.class.getName(),
                            url,
                            wechat.uri().toString(),
                            APP_ID,
                            SECRET)
                    .redirectError(dir.resolve("child.err").toFile())
                    .start();
            try (BufferedReader fromChild = new BufferedReader(
                            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
                    PrintWriter toChild = new PrintWriter(
                            new OutputStreamWriter(child.getOutputStream(), StandardCharsets.US_ASCII), true)) {
                assertThat(fromChild.readLine()).as("the child starts").isEqualTo("ready");
                for (int round = 1; round <= ROUNDS; round++) {
                    toChild.println("go");
                    List<String> ours = askAtOnce(tokens, 10);
                    CompletableFuture<String> theirs = CompletableFuture.supplyAsync(() -> {
                        try {
                            return fromChild.readLine();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    String line = theirs.get(90, TimeUnit.SECONDS);
                    assertThat(line).as("round %d, child's answer", round).startsWith("done ");
                    List<String> all = new ArrayList<>(ours);
                    all.addAll(List.of(line.substring(5).split(",")));

                    assertThat(wechat.tokensIssued())
                            .as("fetches after round %d", round)
                            .isEqualTo(round);
                    assertThat(all).hasSize(20).containsOnly(ours.get(0));

                    // WeChat refused it (40001): invalidated in the shared store for both processes.
                    tokens.rejected(tokens.current().toCompletableFuture().get(10, TimeUnit.SECONDS));
                }
                toChild.println("exit");
            } finally {
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
    }
}
