package io.remotebank.signaling.sip.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import io.remotebank.testsupport.PeerPolicy;
import io.remotebank.testsupport.RequiresCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenSSL's {@code s_client} (a TLS implementation we did not write) against our TLS transport: it
 * verifies our self-signed certificate for 127.0.0.1 and gets a 200 to OPTIONS over TLS 1.3 and 1.2,
 * and is refused with a protocol_version alert when it offers only TLS 1.1 or 1.0.
 */
@RequiresCommand(value = "openssl", debianPackage = "openssl")
class OpensslTlsIT {

    @TempDir
    Path dir;

    private final SipEndpoint server = SipEndpoint.builder()
            .bind(Probes.LOOPBACK)
            .udpPort(-1)
            .tcpPort(-1)
            .tlsPort(0)
            .tlsIdentity(Probes.IDENTITY)
            .threads(1)
            .start(AutoAnswerUas.factory(Probes.uas()));

    @AfterEach
    void close() {
        server.close();
    }

    private Process sClient(String... options) throws Exception {
        Path openssl = PeerPolicy.fromEnvironment().requireCommand("openssl", "openssl");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "");
        Probes.IDENTITY.writePem(ca, dir.resolve("key.pem"));
        List<String> command = new ArrayList<>(List.of(
                openssl.toString(),
                "s_client",
                "-connect",
                "127.0.0.1:" + server.address(SipTransport.TLS).orElseThrow().getPort(),
                "-CAfile",
                ca.toString(),
                "-verify_ip",
                "127.0.0.1",
                "-verify_return_error",
                "-ign_eof",
                "-quiet"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void opensslGetsA200OverTls(String version) throws Exception {
        Process p = sClient(version);
        try {
            OutputStream in = p.getOutputStream();
            in.write(Probes.options("TLS 127.0.0.1:5061", "z9hG4bKossl" + version.charAt(6))
                    .getBytes(UTF_8));
            in.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8));
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("SIP/2.0 ")) {
                seen.add(line);
            }
            assertThat(line).as("openssl output: %s", seen).isEqualTo("SIP/2.0 200 OK");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_1", "-tls1"})
    void opensslOfferingAnOldVersionIsRefused(String version) throws Exception {
        // SECLEVEL=0 lets OpenSSL 3 offer the old versions at all; our server must still refuse
        Process p = sClient(version, "-cipher", "DEFAULT@SECLEVEL=0");
        p.getOutputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.exitValue()).as(output).isNotZero();
        assertThat(output).containsIgnoringCase("protocol version");
    }
}
