package io.remotebank.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CustomerId;
import io.remotebank.core.RbException;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.testing.InMemoryTrail;
import io.remotebank.testing.ManualTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentAuditTest {

    private final ManualTime time = ManualTime.at(Instant.parse("2026-12-07T10:00:00Z"));
    private final InMemoryTrail audit = InMemoryTrail.open(time);
    private final DocumentValidator validator = DocumentValidator.withClock(
            java.time.Clock.fixed(LocalDate.of(2026, 12, 7).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    private final AuditTrail trail = audit.trail();
    // tag::document-audit[]
    private final DocumentAudit documents = DocumentAudit.of(trail, Actor.system("video-account-opening"));
    // end::document-audit[]

    @AfterEach
    void close() {
        audit.close();
    }

    @Test
    void validNumber_isRecordedAccepted_withTheNumberMasked() {
        // tag::document-checked[]
        documents.checked(CustomerId.of("C1"), validator.cnResidentId("11010519491231002X"));
        // end::document-checked[]

        assertThat(audit.actions()).containsExactly("identity.document.checked");
        assertThat(audit.events().get(0))
                .contains("\"document\":\"cn-resident-id\"")
                .contains("\"decision\":\"accepted\"")
                .doesNotContain("11010519491231002X");
    }

    @Test
    void wrongCheckCharacter_isRecordedRefused_namingTheFailedCheck() {
        documents.checked(CustomerId.of("C2"), validator.cnResidentId("110105194912310021"));

        assertThat(audit.events().get(0))
                .contains("\"decision\":\"refused\"")
                .contains("check-character")
                .doesNotContain("110105194912310021");
    }

    @Test
    void mrz_isRecordedWithItsLayout() {
        documents.checked(
                CustomerId.of("C3"),
                validator.mrz(
                        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                        "L898902C36UTO7408122F3412318ZE184226B<<<<<18"));

        assertThat(audit.events().get(0)).contains("\"document\":\"mrz-td3\"").doesNotContain("L898902C3");
    }

    @Test
    void missingTrail_isRefusedWithACode() {
        assertThatThrownBy(() -> DocumentAudit.of(null, Actor.system("x")))
                .isInstanceOf(RbException.class)
                .hasMessageContaining("trail");
    }
}
