package io.remotebank.tck.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.CorrelationId;
import io.remotebank.core.PhoneNumber;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.IdentityRegistry;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.RegistryQuery;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link IdentityRegistry}: extend it and return a registry from {@link
 * #newRegistry()}. The kit asks about a test person (the GB 11643 specimen number).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class IdentityRegistryContract {

    /** The registry under test, fresh for each test. */
    protected IdentityRegistry registry;

    /** For subclasses. */
    protected IdentityRegistryContract() {}

    /**
     * A new registry.
     *
     * @return the registry
     */
    protected abstract IdentityRegistry newRegistry();

    /** Creates the registry under test. */
    @BeforeEach
    void createRegistry() {
        registry = newRegistry();
    }

    private static RegistryQuery query(RegistryQuery.Kind kind) {
        CorrelationId c = CorrelationId.of("tck-registry-0001");
        Sensitive<String> name = Sensitive.of("张三", PiiKind.NAME);
        Sensitive<String> id = Sensitive.of("11010519491231002X", PiiKind.ID_NUMBER);
        return kind == RegistryQuery.Kind.NAME_AND_ID
                ? new RegistryQuery.NameAndId(c, name, id)
                : new RegistryQuery.BankCard(
                        c,
                        name,
                        id,
                        Sensitive.of("6222020200112233445", PiiKind.CARD_NUMBER),
                        PhoneNumber.parse("13800138000"));
    }

    @Test
    void vendorName_isWellFormed_andItAnswersNameAndIdOrSaysWhatItAnswers() {
        Kit.assertVendorName(registry.vendor());
        assertThat(registry.kinds()).isNotEmpty();
    }

    @Test
    void everyKindItAnswers_getsACanonicalVerdict() {
        for (RegistryQuery.Kind kind : registry.kinds()) {
            CheckResult r = Kit.await(registry.verify(query(kind)));

            Kit.assertCanonical(r, registry.vendor());
            assertThat(r.outcome()).isIn(Outcome.PASS, Outcome.REVIEW, Outcome.FAIL);
        }
    }

    @Test
    void aKindItDoesNotAnswer_failsAsNotSupported() {
        for (RegistryQuery.Kind kind : RegistryQuery.Kind.values()) {
            if (!registry.kinds().contains(kind)) {
                assertThat(Kit.failureCode(registry.verify(query(kind)))).isEqualTo(IdentityError.NOT_SUPPORTED);
            }
        }
    }

    @Test
    void verdict_neverShowsThePersonalDataAsked() {
        CheckResult r = Kit.await(registry.verify(query(RegistryQuery.Kind.NAME_AND_ID)));

        assertThat(r.toString()).doesNotContain("11010519491231002X").doesNotContain("张三");
    }
}
