package io.remotebank.examples.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Category;
import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.policy.FrequencyCap;
import io.remotebank.core.ContactChannel;
import io.remotebank.segmentation.nba.Action;
import io.remotebank.segmentation.nba.ContactVerdict;
import io.remotebank.segmentation.nba.ContactVerdict.Reason;
import io.remotebank.segmentation.nba.Propensity;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import io.remotebank.segmentation.rules.Condition;
import io.remotebank.segmentation.rules.Formula;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelsContactGateTest {

    private static final ProfileSchema SCHEMA = ProfileSchema.builder()
            .field("consent_call", ProfileType.BOOL)
            .field("consent_sms", ProfileType.BOOL)
            .field("contacts_7d", ProfileType.INT)
            .build();
    private static final Instant NOON_SHANGHAI = Instant.parse("2025-06-30T04:00:00Z");

    private static Action action(ContactChannel channel) {
        return new Action(
                "a",
                "c",
                channel,
                Condition.compile("a", "true", SCHEMA),
                Propensity.fixed(0.5),
                Formula.compile("a", "1.0", SCHEMA));
    }

    private static ProfileBatch one(Map<String, Object> values) {
        ProfileBatch b = SCHEMA.newBatch(1);
        b.setAll(0, "c", values);
        b.rows(1);
        return b;
    }

    private final ContactPolicy policy = ContactPolicy.builder()
            .frequencyCap(Category.MARKETING, FrequencyCap.of(2, Duration.ofDays(7)))
            .build();

    @Test
    void consentIsReadPerChannel_andMissingConsentRefuses() {
        ChannelsContactGate gate = new ChannelsContactGate(policy);
        ProfileBatch b = one(Map.of("consent_call", false, "consent_sms", true, "contacts_7d", 0));
        assertThat(gate.check(b, 0, action(ContactChannel.SMS), NOON_SHANGHAI)).isEqualTo(ContactVerdict.allowed());
        assertThat(gate.check(b, 0, action(ContactChannel.VOICE), NOON_SHANGHAI))
                .isInstanceOfSatisfying(
                        ContactVerdict.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.NO_CONSENT));
        // no consent_wechat column at all: no consent
        assertThat(gate.check(b, 0, action(ContactChannel.WECHAT), NOON_SHANGHAI))
                .isInstanceOf(ContactVerdict.Refused.class);
    }

    @Test
    void aCustomerAtTheWeeklyCap_isRefused() {
        ChannelsContactGate gate = new ChannelsContactGate(policy);
        ProfileBatch b = one(Map.of("consent_call", true, "consent_sms", true, "contacts_7d", 2));
        assertThat(gate.check(b, 0, action(ContactChannel.SMS), NOON_SHANGHAI))
                .isInstanceOfSatisfying(
                        ContactVerdict.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.FREQUENCY_CAP));
    }
}
