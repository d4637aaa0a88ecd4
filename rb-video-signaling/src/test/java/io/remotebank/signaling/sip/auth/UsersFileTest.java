package io.remotebank.signaling.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.sip.Digest;
import io.remotebank.signaling.sip.DigestAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The users file: HA1 hashes per user, realm and algorithm. */
class UsersFileTest {

    private static final String MD5 = Digest.ha1(DigestAlgorithm.MD5, "alice", "bank.example", "pw", null, null);
    private static final String SHA = Digest.ha1(DigestAlgorithm.SHA_256, "alice", "bank.example", "pw", null, null);

    @Test
    void aFileWithCommentsAndBlankLines_loads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users");
        Files.write(
                file,
                List.of(
                        "# the test users",
                        "",
                        "alice:bank.example:MD5=" + MD5 + ",sha-256=" + SHA.toUpperCase(java.util.Locale.ROOT),
                        "  " + UsersFile.line("bob", "bank.example", "hunter2") + "  "));
        InMemoryCredentialStore store = UsersFile.load(file);

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.ha1("bank.example", "alice", DigestAlgorithm.MD5)).contains(MD5);
        assertThat(store.ha1("bank.example", "alice", DigestAlgorithm.SHA_256)).contains(SHA);
        assertThat(store.ha1("bank.example", "alice", DigestAlgorithm.SHA_512_256))
                .isEmpty();
        assertThat(store.ha1("bank.example", "bob", DigestAlgorithm.SHA_512_256))
                .contains(Digest.ha1(DigestAlgorithm.SHA_512_256, "bob", "bank.example", "hunter2", null, null));
        assertThat(store.contains("bank.example", "bob")).isTrue();
        assertThat(store.contains("other.example", "bob")).isFalse();
    }

    @Test
    void aLineFromAPassword_holdsNoPassword() {
        String line = UsersFile.line("alice", "bank.example", "pw", DigestAlgorithm.SHA_256);
        assertThat(line).isEqualTo("alice:bank.example:SHA-256=" + SHA).doesNotContain(":pw");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "alice                                    | expected user:realm:ALGORITHM=HA1",
                "alice:bank.example:                      | no hash after user:realm:",
                ":bank.example:MD5=00                     | user name must not be blank",
                "alice::MD5=00                            | realm must not be blank",
                "alice:bank.example:MD5                   | expected ALGORITHM=HA1",
                "alice:bank.example:SHA-1=00              | unknown algorithm",
                "alice:bank.example:MD5-sess=00           | session variant",
                "alice:bank.example:MD5=0123              | 32 hex digits, not 4",
                "alice:bank.example:SHA-256=zz            | 64 hex digits, not 2",
            })
    void aMalformedLine_failsTheLoad_withItsNumber(String line, String message) {
        assertThatThrownBy(() -> UsersFile.parse(List.of("# header", line)))
                .isInstanceOfSatisfying(
                        CredentialsException.class, e -> assertThat(e.code()).isEqualTo(SignalingError.SIP_CREDENTIALS))
                .hasMessageContaining("line 2")
                .hasMessageContaining(message);
    }

    @Test
    void aHashThatIsNotHex_isNamedByPosition_notRepeated() {
        String bad = "g" + MD5.substring(1);
        assertThatThrownBy(() -> UsersFile.parse(List.of("alice:bank.example:MD5=" + bad)))
                .hasMessageContaining("not hex (position 0)")
                .hasMessageNotContaining(bad);
    }

    @Test
    void anAlgorithmTwice_orAUserTwice_isRefused() {
        assertThatThrownBy(() -> UsersFile.parse(List.of("alice:bank.example:MD5=" + MD5 + ",md5=" + MD5)))
                .hasMessageContaining("MD5 is given twice");
        assertThatThrownBy(() ->
                        UsersFile.parse(List.of("alice:bank.example:MD5=" + MD5, "alice:bank.example:SHA-256=" + SHA)))
                .hasMessageContaining("line 2")
                .hasMessageContaining("twice");
    }

    @Test
    void aMissingFile_isACredentialsError(@TempDir Path dir) {
        assertThatThrownBy(() -> UsersFile.load(dir.resolve("absent")))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void theStore_replacesAndRemovesUsers() {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.put("bank.example", "alice", DigestAlgorithm.MD5, MD5);
        store.put("bank.example", "alice", DigestAlgorithm.SHA_256, SHA);
        assertThat(store.ha1("bank.example", "alice", DigestAlgorithm.MD5)).contains(MD5);
        store.putPassword("bank.example", "alice", "new", DigestAlgorithm.SHA_256);
        assertThat(store.ha1("bank.example", "alice", DigestAlgorithm.MD5)).isEmpty();
        assertThat(store.remove("bank.example", "alice")).isTrue();
        assertThat(store.remove("bank.example", "alice")).isFalse();
        assertThat(store.ha1(null, "alice", DigestAlgorithm.MD5)).isEmpty();
        assertThatThrownBy(() -> store.put("bank.example", "a:b", DigestAlgorithm.MD5, MD5))
                .hasMessageContaining("':'");
        assertThatThrownBy(() -> store.putPassword("bank.example", "alice", "pw", DigestAlgorithm.SHA_256_SESS))
                .hasMessageContaining("session variant");
    }
}
