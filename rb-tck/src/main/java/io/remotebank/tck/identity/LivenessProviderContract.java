package io.remotebank.tck.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.CorrelationId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.LivenessProvider;
import io.remotebank.identity.spi.LivenessRequest;
import io.remotebank.identity.spi.LivenessSession;
import io.remotebank.identity.spi.Outcome;
import java.time.Instant;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link LivenessProvider}: extend it, return a provider from {@link
 * #newProvider()} and the provider's idea of now from {@link #now()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class LivenessProviderContract {

    /** The provider under test, fresh for each test. */
    protected LivenessProvider provider;

    /** For subclasses. */
    protected LivenessProviderContract() {}

    /**
     * A new provider.
     *
     * @return the provider
     */
    protected abstract LivenessProvider newProvider();

    /**
     * The time on the provider's clock.
     *
     * @return now
     */
    protected abstract Instant now();

    /** Creates the provider under test. */
    @BeforeEach
    void createProvider() {
        provider = newProvider();
    }

    private LivenessSession start() {
        return Kit.await(provider.startSession(LivenessRequest.of(CorrelationId.of("tck-liveness-0001"))));
    }

    @Test
    void session_isTheProvidersAndExpiresInTheFuture() {
        LivenessSession s = start();

        Kit.assertVendorName(provider.vendor());
        assertThat(s.vendor()).isEqualTo(provider.vendor());
        assertThat(s.expiresAt()).isAfter(now());
    }

    @Test
    void clientToken_neverShowsInTheSessionsText() {
        LivenessSession s = start();

        s.clientToken().ifPresent(t -> assertThat(s.toString()).doesNotContain(t.reveal()));
    }

    @Test
    void result_isIdempotent() {
        LivenessSession s = start();

        CheckResult first = Kit.await(provider.result(s.sessionId()));
        CheckResult second = Kit.await(provider.result(s.sessionId()));

        Kit.assertCanonical(first, provider.vendor());
        assertThat(second.outcome()).isEqualTo(first.outcome());
        assertThat(second.score()).isEqualTo(first.score());
    }

    @Test
    void passedSession_carriesTheFrameAFaceMatchUses() {
        CheckResult r = Kit.await(provider.result(start().sessionId()));

        if (r.outcome() == Outcome.PASS) {
            assertThat(r.artefact(ArtefactKind.LIVENESS_FRAME)).isPresent();
        }
    }

    @Test
    void unknownSession_isVendorSessionUnknown() {
        assertThat(Kit.failureCode(provider.result("no-such-session-0000")))
                .isEqualTo(IdentityError.VENDOR_SESSION_UNKNOWN);
    }

    @Test
    void synchronousCheck_isNotSupportedUnlessOffered() {
        if (!provider.synchronous()) {
            Artefact video = Artefact.of(ArtefactKind.LIVENESS_VIDEO, "video/mp4", new byte[] {0});
            assertThat(Kit.failureCode(
                            provider.check(LivenessRequest.of(CorrelationId.of("tck-liveness-0002")), video)))
                    .isEqualTo(IdentityError.NOT_SUPPORTED);
        }
    }
}
