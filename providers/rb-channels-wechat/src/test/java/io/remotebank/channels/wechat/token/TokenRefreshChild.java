package io.remotebank.channels.wechat.token;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The second process of {@link TwoProcessTokenRefreshTest}: {@link AccessTokens} over the shared H2
 * database and the simulator's classic token endpoint. On {@code go} on stdin, ten threads ask for
 * the token at once; it answers {@code done <fingerprints>} with the fingerprint of what each got.
 * Arguments: JDBC URL, simulator URI, app id, app secret.
 */
final class TokenRefreshChild {

    private TokenRefreshChild() {}

    public static void main(String[] args) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(args[0]);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AccessTokens tokens = AccessTokens.builder(
                        args[2],
                        WeChatTokenEndpoint.classicToken(
                                URI.create(args[1]), args[2], AppSecret.of(args[3]), http, Duration.ofSeconds(10)),
                        TokenStores.jdbc(dataSource))
                .holder("child")
                .waitForOthers(Duration.ofMillis(20), Duration.ofSeconds(30))
                .build();
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            if (line.equals("go")) {
                List<String> got = TwoProcessTokenRefreshTest.askAtOnce(tokens, 10);
                System.out.println("done " + String.join(",", got));
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
