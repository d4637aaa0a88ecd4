package io.remotebank.tck.signaling;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.Digest;
import io.remotebank.signaling.sip.DigestAlgorithm;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.auth.AuthResult;
import io.remotebank.signaling.sip.auth.DigestAuthenticator;
import io.remotebank.signaling.sip.auth.DigestClient;
import io.remotebank.signaling.sip.auth.spi.CredentialStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link CredentialStore}: extend it and return a store that holds exactly
 * the entries the kit gives {@link #newStore}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class CredentialStoreContract {

    /**
     * One stored hash.
     *
     * @param realm the realm
     * @param username the user name
     * @param algorithm a base algorithm
     * @param ha1 the HA1 in lower-case hex
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Entry(String realm, String username, DigestAlgorithm algorithm, String ha1) {
        /** Checks the parts. */
        public Entry {
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(ha1, "ha1");
        }

        static Entry of(String realm, String user, DigestAlgorithm a, String password) {
            return new Entry(realm, user, a, Digest.ha1(a, user, realm, password, null, null));
        }
    }

    private static final String BANK = "bank.example";
    private static final String BRANCH = "branch.bank.example";

    /** The entries every test starts from. */
    protected static final List<Entry> ENTRIES = List.of(
            Entry.of(BANK, "alice", DigestAlgorithm.MD5, "alice-pw"),
            Entry.of(BANK, "alice", DigestAlgorithm.SHA_256, "alice-pw"),
            Entry.of(BANK, "alice", DigestAlgorithm.SHA_512_256, "alice-pw"),
            Entry.of(BANK, "bob", DigestAlgorithm.SHA_256, "bob-pw"),
            Entry.of(BRANCH, "alice", DigestAlgorithm.SHA_256, "other-pw"),
            Entry.of(BANK, "用户一", DigestAlgorithm.SHA_512_256, "pw-1"));

    /** The store under test. */
    protected CredentialStore store;

    /** For subclasses. */
    protected CredentialStoreContract() {}

    /**
     * A store holding exactly these entries.
     *
     * @param entries the hashes
     * @return the store
     */
    protected abstract CredentialStore newStore(List<Entry> entries);

    /** Creates the store under test. */
    @BeforeEach
    void createStore() {
        store = newStore(ENTRIES);
    }

    @Test
    void everyStoredHash_comesBackExactly() {
        for (Entry e : ENTRIES) {
            assertThat(store.ha1(e.realm(), e.username(), e.algorithm()))
                    .as("%s in %s", e.algorithm(), e.realm())
                    .contains(e.ha1());
        }
    }

    @Test
    void aHashNotStored_isEmpty() {
        assertThat(store.ha1(BANK, "bob", DigestAlgorithm.MD5)).isEmpty();
        assertThat(store.ha1(BANK, "carol", DigestAlgorithm.SHA_256)).isEmpty();
        assertThat(store.ha1("elsewhere.example", "alice", DigestAlgorithm.SHA_256))
                .isEmpty();
    }

    @Test
    void realmsAndNames_compareExactly() {
        assertThat(store.ha1(BANK, "Alice", DigestAlgorithm.SHA_256)).isEmpty();
        assertThat(store.ha1("BANK.example", "alice", DigestAlgorithm.SHA_256)).isEmpty();
        assertThat(store.ha1(BRANCH, "alice", DigestAlgorithm.SHA_256))
                .isNotEqualTo(store.ha1(BANK, "alice", DigestAlgorithm.SHA_256));
    }

    @Test
    void contains_agreesWithTheHashes() {
        assertThat(store.contains(BANK, "alice")).isTrue();
        assertThat(store.contains(BANK, "bob")).isTrue();
        assertThat(store.contains(BRANCH, "bob")).isFalse();
        assertThat(store.contains(BANK, "carol")).isFalse();
    }

    @Test
    void aDigestServerOnTheStore_acceptsTheRightPasswordOnly() {
        DigestAuthenticator server = DigestAuthenticator.builder(BANK, store).build();
        assertThat(authenticate(server, "alice", "alice-pw")).isInstanceOf(AuthResult.Authorized.class);
        assertThat(authenticate(server, "用户一", "pw-1")).isInstanceOf(AuthResult.Authorized.class);
        // bob has a SHA-256 hash only: a realm offering SHA-512-256 too would get that from him
        DigestAuthenticator sha256 = DigestAuthenticator.builder(BANK, store)
                .algorithms(DigestAlgorithm.SHA_256)
                .build();
        assertThat(authenticate(sha256, "bob", "bob-pw")).isInstanceOf(AuthResult.Authorized.class);
        assertThat(authenticate(server, "bob", "bob-pw")).isInstanceOf(AuthResult.Denied.class);
        assertThat(authenticate(server, "alice", "other-pw")).isInstanceOf(AuthResult.Denied.class);
        assertThat(authenticate(server, "carol", "alice-pw")).isInstanceOf(AuthResult.Denied.class);
    }

    @Test
    void manyThreads_readConsistently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        Entry e = ENTRIES.get(i % ENTRIES.size());
                        if (!store.ha1(e.realm(), e.username(), e.algorithm()).equals(java.util.Optional.of(e.ha1()))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static AuthResult authenticate(DigestAuthenticator server, String user, String password) {
        SipRequest first = SipRequest.builder("REGISTER", "sip:bank.example")
                .header("Via", "SIP/2.0/UDP 192.0.2.4:5070;branch=z9hG4bKkit" + user.hashCode())
                .header("Max-Forwards", "70")
                .header("From", "<sip:kit@bank.example>;tag=k1")
                .header("To", "<sip:kit@bank.example>")
                .header("Call-ID", "kit-call")
                .header("CSeq", "1 REGISTER")
                .build();
        SipResponse challenge = ((AuthResult.Denied) server.authenticate(first)).response();
        SipRequest retry =
                DigestClient.of(user, password).authorize(first, challenge).orElseThrow();
        return server.authenticate(retry);
    }
}
