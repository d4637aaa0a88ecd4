package io.remotebank.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryTrailTest {

    private final ManualTime time = ManualTime.at(Instant.parse("2026-12-01T09:00:00Z"));

    private static AuditEvent decided(String customer) {
        return AuditEvent.builder("identity.flow.decided", Actor.system("kyc"))
                .subject(CustomerId.of(customer))
                .detail("idNumber", Sensitive.of("11010519491231002X", PiiKind.ID_NUMBER))
                .build();
    }

    @Test
    void events_areReadBack_inOrder_withPersonalDataMasked() {
        try (InMemoryTrail audit = InMemoryTrail.open(time, CryptoSuite.sm())) {
            audit.trail().append(decided("C1"));
            time.advance(Duration.ofMinutes(1));
            audit.trail().append(decided("C2"));

            assertThat(audit.actions()).containsExactly("identity.flow.decided", "identity.flow.decided");
            assertThat(audit.events().get(1)).contains("2026-12-01T09:01:00Z", "\"subject\":\"C2\"");
            assertThat(String.join("\n", audit.events())).doesNotContain("11010519491231002X");
        }
    }

    @Test
    void checkpointIntervals_passOnTheVirtualTime() {
        try (InMemoryTrail audit = InMemoryTrail.open(time)) {
            audit.trail().append(decided("C1"));
            assertThat(audit.trail().latestCheckpoint()).isEmpty();

            time.advance(Duration.ofSeconds(11)); // past the default 10 s checkpoint interval
            audit.trail().flush(); // the writer has seen the tick by the time its flush is answered

            assertThat(audit.trail().latestCheckpoint())
                    .hasValueSatisfying(
                            c -> assertThat(c.time()).isAfterOrEqualTo(Instant.parse("2026-12-01T09:00:10Z")));
        }
    }

    @Test
    void aTrailNobodyTamperedWith_verifies() {
        try (InMemoryTrail audit = InMemoryTrail.open(time, CryptoSuite.sm())) {
            audit.trail().append(decided("C1"));

            assertThat(audit.verify().intact()).isTrue();
            assertThat(audit.toString()).isEqualTo("InMemoryTrail[1 events]");
        }
    }
}
