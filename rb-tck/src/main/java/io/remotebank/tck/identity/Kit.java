package io.remotebank.tck.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.remotebank.core.RbException;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.Outcome;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the identity kits share: waiting for a stage, and the rules of every canonical result. */
final class Kit {

    /** A vendor's answer in the kits comes from a local simulator or a replaying server: seconds at most. */
    static final long WAIT_SECONDS = 10;

    private Kit() {}

    static <T> T await(CompletionStage<T> stage) {
        assertThat(stage).as("a provider returns a stage, never null").isNotNull();
        try {
            return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return fail("the provider did not answer within " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    static IdentityError failureCode(CompletionStage<?> stage) {
        try {
            Object value = await(stage);
            if (value instanceof CheckResult r && r.outcome() == Outcome.ERROR) {
                return r.error().orElseThrow().canonical();
            }
            return fail("expected a failure, got " + value);
        } catch (IdentityException e) {
            return e.error();
        } catch (RbException e) {
            return fail("a provider fails with an IdentityException, got " + e);
        }
    }

    static void assertCanonical(CheckResult r, String vendor) {
        assertThat(r.vendor()).as("a result names the provider's vendor").isEqualTo(vendor);
        r.score().ifPresent(s -> {
            assertThat(s.scale().contains(s.value())).isTrue();
            assertThat(s.modelVersion()).isNotBlank();
        });
        if (r.outcome() == Outcome.ERROR) {
            assertThat(r.error()).isPresent();
        }
        assertThat(r.toString())
                .as("a result's text never holds raw payload bytes")
                .doesNotContain("[B@");
    }

    static void assertVendorName(String vendor) {
        assertThat(vendor)
                .as("a vendor name is lower-case words joined by hyphens")
                .matches("[a-z][a-z0-9-]{0,63}");
    }
}
