package io.remotebank.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PeerPolicyTest {

    @TempDir
    Path bin;

    @Test
    void missingCommand_withoutRequirement_abortsWithPackageName() {
        PeerPolicy policy = PeerPolicy.of(Map.of("PATH", bin.toString()));

        assertThatThrownBy(() -> policy.requireCommand("sipp", "sip-tester"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("sipp is not installed (Debian package sip-tester)")
                .hasMessageContaining("RB_REQUIRE_PEERS=1");
    }

    @Test
    void missingCommand_whenPeersRequired_fails() {
        PeerPolicy policy = PeerPolicy.of(Map.of("PATH", bin.toString(), "RB_REQUIRE_PEERS", "1"));

        assertThatThrownBy(() -> policy.requireCommand("sipp", "sip-tester"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("sipp is not installed");
    }

    @Test
    void presentCommand_isFoundOnPath() throws IOException {
        Path sipp = executable("sipp");
        PeerPolicy policy = PeerPolicy.of(Map.of("PATH", "/nonexistent:" + bin, "RB_REQUIRE_PEERS", "1"));

        assertThat(policy.requireCommand("sipp", "sip-tester")).isEqualTo(sipp.toAbsolutePath());
    }

    @Test
    void nonExecutableFile_doesNotCount() throws IOException {
        Files.createFile(bin.resolve("sipp"));
        PeerPolicy policy = PeerPolicy.of(Map.of("PATH", bin.toString()));

        assertThat(policy.findCommand("sipp")).isEmpty();
    }

    @Test
    void commandName_withPathSeparator_isRejected() {
        PeerPolicy policy = PeerPolicy.of(Map.of("PATH", bin.toString()));

        assertThatThrownBy(() -> policy.findCommand("../bin/sh")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "TRUE", " yes "})
    void requirement_acceptsTruthyValues(String value) {
        assertThat(PeerPolicy.of(Map.of("RB_REQUIRE_PEERS", value)).peersRequired())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "", "no"})
    void requirement_rejectsOtherValues(String value) {
        assertThat(PeerPolicy.of(Map.of("RB_REQUIRE_PEERS", value)).peersRequired())
                .isFalse();
    }

    @Test
    void override_winsOverEnvironment() {
        PeerPolicy policy = PeerPolicy.of(Map.of("RB_REQUIRE_PEERS", "1")::get, Optional.of("false"));

        assertThat(policy.peersRequired()).isFalse();
    }

    @Test
    void reachableTcpServer_passes() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            PeerPolicy policy = PeerPolicy.of(Map.of("RB_REQUIRE_PEERS", "1"));

            // tag::require-tcp[]
            policy.requireTcpServer("test server", "127.0.0.1", server.getLocalPort(), 2000);
            // end::require-tcp[]
        }
    }

    @Test
    void unreachableTcpServer_whenRequired_failsNamingWhat() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0)) {
            port = server.getLocalPort();
        }
        PeerPolicy policy = PeerPolicy.of(Map.of("RB_REQUIRE_PEERS", "1"));

        assertThatThrownBy(() -> policy.requireTcpServer("PostgreSQL", "127.0.0.1", port, 2000))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("PostgreSQL is not reachable at 127.0.0.1:" + port);
    }

    private Path executable(String name) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
