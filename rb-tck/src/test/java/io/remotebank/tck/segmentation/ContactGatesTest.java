package io.remotebank.tck.segmentation;

import io.remotebank.core.ContactChannel;
import io.remotebank.segmentation.nba.ContactGate;
import io.remotebank.segmentation.nba.ContactVerdict;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The allow-everything gate and a policy written as a bank writes one pass the contact-gate kit. */
class ContactGatesTest {

    static final ProfileSchema SCHEMA = ProfileSchema.builder()
            .field("consent_call", ProfileType.BOOL)
            .field("contacts_7d", ProfileType.INT)
            .build();

    static ProfileBatch customers() {
        ProfileBatch b = SCHEMA.newBatch(4);
        b.setAll(0, "C1", Map.of("consent_call", true, "contacts_7d", 0));
        b.setAll(1, "C2", Map.of("consent_call", false, "contacts_7d", 0));
        b.setAll(2, "C3", Map.of("consent_call", true, "contacts_7d", 3));
        b.setAll(3, "C4", Map.of());
        b.rows(4);
        return b;
    }

    @Nested
    class AllowAll extends ContactGateContract {
        @Override
        protected ContactGate newGate() {
            return ContactGate.allowAll();
        }

        @Override
        protected ProfileBatch customers() {
            return ContactGatesTest.customers();
        }
    }

    @Nested
    class ConsentQuietHoursAndCap extends ContactGateContract {
        @Override
        protected ContactGate newGate() {
            int consent = SCHEMA.indexOf("consent_call");
            int contacts = SCHEMA.indexOf("contacts_7d");
            return (batch, row, action, at) -> {
                if (action.channel() == ContactChannel.VOICE && batch.numbers(consent)[row] != 1) {
                    return ContactVerdict.refused(ContactVerdict.Reason.NO_CONSENT, "consent_call");
                }
                int hour = at.atOffset(ZoneOffset.ofHours(8)).getHour();
                if (hour < 8 || hour >= 21) {
                    return ContactVerdict.refused(ContactVerdict.Reason.QUIET_HOURS, "08:00-21:00 UTC+8");
                }
                if (batch.numbers(contacts)[row] >= 2) {
                    return ContactVerdict.refused(ContactVerdict.Reason.FREQUENCY_CAP, "2 a week");
                }
                return ContactVerdict.allowed();
            };
        }

        @Override
        protected ProfileBatch customers() {
            return ContactGatesTest.customers();
        }
    }
}
