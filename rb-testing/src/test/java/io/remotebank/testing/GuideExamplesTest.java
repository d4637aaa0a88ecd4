package io.remotebank.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentRegistries;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of docs/rb-testing.md, compiled and run. */
class GuideExamplesTest {

    /** A component of the application under test: it reminds a customer after a delay. */
    static final class Reminder {
        private final Clock clock;
        private final Scheduler scheduler;
        final List<String> sent = new ArrayList<>();

        Reminder(Clock clock, Scheduler scheduler) {
            this.clock = clock;
            this.scheduler = scheduler;
        }

        void remindIn(Duration delay, String customer) {
            scheduler.schedule(delay, () -> sent.add(customer + " at " + clock.instant()));
        }
    }

    @Test
    void manualTime() {
        // tag::manual-time[]
        ManualTime time = ManualTime.at(Instant.parse("2026-12-01T09:00:00Z"));
        Reminder reminder = new Reminder(time.clock(), time); // ManualTime is the Scheduler too

        reminder.remindIn(Duration.ofMinutes(10), "C-1001");
        time.advance(Duration.ofMinutes(9));
        assertThat(reminder.sent).isEmpty();

        time.advance(Duration.ofMinutes(1)); // runs what fell due, at its due time
        assertThat(reminder.sent).containsExactly("C-1001 at 2026-12-01T09:10:00Z");
        // end::manual-time[]
    }

    @Test
    void inMemoryTrail() {
        // tag::in-memory-trail[]
        ManualTime time = ManualTime.at(Instant.parse("2026-12-01T09:00:00Z"));
        try (InMemoryTrail audit = InMemoryTrail.open(time)) {
            // The component under test writes to the trail: here, consent audited as rb-core does it.
            ConsentRegistry consents = ConsentRegistries.audited(ConsentRegistries.inMemory(), audit.trail());
            consents.record(ConsentRecord.granted(
                    CustomerId.of("C1001"),
                    ConsentPurpose.MARKETING_SMS,
                    time.clock().instant(),
                    ContactChannel.VIDEO,
                    "video-account-opening:consent-form:v2"));

            assertThat(audit.actions()).containsExactly("core.consent.recorded");
            assertThat(audit.events().get(0)).contains("\"subject\":\"C1001\"", "2026-12-01T09:00:00Z");
            assertThat(audit.verify().intact()).isTrue(); // signed, and checked with the public key alone
        }
        // end::in-memory-trail[]
    }
}
