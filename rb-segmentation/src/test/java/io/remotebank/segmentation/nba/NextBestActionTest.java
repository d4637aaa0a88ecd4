package io.remotebank.segmentation.nba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ContactChannel;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.batch.ProfileScorer;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.nba.Consideration.Outcome;
import io.remotebank.segmentation.nba.ContactVerdict.Reason;
import io.remotebank.segmentation.pmml.PmmlReader;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import io.remotebank.segmentation.rules.Condition;
import io.remotebank.segmentation.rules.Formula;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextBestActionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T02:00:00Z"), ZoneOffset.UTC);
    private static final ProfileSchema SCHEMA = ProfileSchema.builder()
            .field("aum", ProfileType.DOUBLE)
            .field("age", ProfileType.INT)
            .field("consent_call", ProfileType.BOOL)
            .field("consent_sms", ProfileType.BOOL)
            .field("contacts_7d", ProfileType.INT)
            .build();

    private static Action action(
            String name, String campaign, ContactChannel channel, String when, double p, String value) {
        return new Action(
                name,
                campaign,
                channel,
                Condition.compile(name, when, SCHEMA),
                Propensity.fixed(p),
                Formula.compile(name, value, SCHEMA));
    }

    private final Action wealthCall =
            action("wealth-call", "wealth", ContactChannel.VOICE, "aum >= 1e5", 0.2, "aum * 0.01");
    private final Action cardSms = action("card-sms", "card", ContactChannel.SMS, "age < 60", 0.05, "300.0");

    private static ProfileBatch customers(List<Map<String, Object>> rows) {
        ProfileBatch b = SCHEMA.newBatch(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            b.setAll(i, "C" + i, rows.get(i));
        }
        b.rows(rows.size());
        return b;
    }

    private static Map<String, Object> customer(double aum, int age) {
        Map<String, Object> m = new HashMap<>();
        m.put("aum", aum);
        m.put("age", age);
        m.put("consent_call", true);
        m.put("consent_sms", true);
        m.put("contacts_7d", 0);
        return m;
    }

    /** The policy as a bank would wire it: consent per channel, calls only 08:00-20:00 UTC+8, 2 a week. */
    private static final ContactGate POLICY = (batch, row, action, at) -> {
        int consent = batch.schema().indexOf(action.channel() == ContactChannel.VOICE ? "consent_call" : "consent_sms");
        if (batch.numbers(consent)[row] != 1) {
            return ContactVerdict.refused(
                    Reason.NO_CONSENT, "no consent for " + action.channel().code());
        }
        int hour = at.atOffset(ZoneOffset.ofHours(8)).getHour();
        if (action.channel() == ContactChannel.VOICE && (hour < 8 || hour >= 20)) {
            return ContactVerdict.refused(Reason.QUIET_HOURS, "calls 08:00-20:00");
        }
        if (batch.numbers(batch.schema().indexOf("contacts_7d"))[row] >= 2) {
            return ContactVerdict.refused(Reason.FREQUENCY_CAP, "2 per 7 days");
        }
        return ContactVerdict.allowed();
    };

    private NextBestAction.Builder chooser() {
        return NextBestAction.builder()
                .action(wealthCall)
                .action(cardSms)
                .clock(CLOCK)
                .gate(POLICY);
    }

    @Test
    void highestExpectedValue_wins_andTheChoiceIsExplained() {
        // wealth-call: 0.2 x 1,000,000 x 0.01 = 2000; card-sms: 0.05 x 300 = 15
        Decision d =
                chooser().build().decide(customers(List.of(customer(1e6, 40)))).get(0);
        assertThat(d.action()).contains("wealth-call");
        assertThat(d.expectedValue()).isEqualTo(2000.0);
        assertThat(d.considered())
                .extracting(Consideration::outcome)
                .containsExactly(Outcome.CHOSEN, Outcome.OUTRANKED);
        assertThat(d.explain())
                .isEqualTo("chose 'wealth-call'; 'wealth-call' chosen: expected value 2000.00 = propensity 0.200 x"
                        + " value 10000.00; 'card-sms' outranked: expected value 15.00");
    }

    @Test
    void ineligibleAction_isSkipped_withTheRuleNamed() {
        Decision d =
                chooser().build().decide(customers(List.of(customer(5e4, 30)))).get(0);
        assertThat(d.action()).contains("card-sms");
        assertThat(d.considered().get(0).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(d.explain()).contains("'wealth-call' not eligible: rule 'aum >= 1e5' not met");
    }

    @Test
    void noConsent_refusesTheChannel_andTheNextBestIsChosen() {
        Map<String, Object> c = customer(1e6, 40);
        c.put("consent_call", false);
        Decision d = chooser().build().decide(customers(List.of(c))).get(0);
        assertThat(d.action()).contains("card-sms");
        assertThat(d.considered().get(0).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.considered().get(0).detail()).isEqualTo("no consent (no consent for voice)");
    }

    @Test
    void quietHours_refuseCalls() {
        Clock night = Clock.fixed(Instant.parse("2025-06-30T14:00:00Z"), ZoneOffset.UTC); // 22:00 in Shanghai
        Decision d = chooser()
                .clock(night)
                .build()
                .decide(customers(List.of(customer(1e6, 40))))
                .get(0);
        assertThat(d.action()).contains("card-sms");
        assertThat(d.considered().get(0).detail()).startsWith("quiet hours");
    }

    @Test
    void frequencyCap_refusesEveryChannel() {
        Map<String, Object> c = customer(1e6, 40);
        c.put("contacts_7d", 2);
        Decision d = chooser().build().decide(customers(List.of(c))).get(0);
        assertThat(d.action()).isEmpty();
        assertThat(d.expectedValue()).isNaN();
        assertThat(d.considered()).extracting(Consideration::outcome).containsOnly(Outcome.REFUSED);
        assertThat(d.explain()).startsWith("no action;").contains("frequency cap (2 per 7 days)");
    }

    @Test
    void campaignCapacity_goesToTheCustomersWhereItIsWorthMost() {
        ProfileBatch b = customers(List.of(customer(2e5, 40), customer(9e5, 40), customer(5e5, 70), customer(1e6, 70)));
        NextBestAction nba = chooser().capacity("wealth", 2).build();
        List<Decision> ds = nba.decide(b);
        // the two richest get the calls; the first falls back to the SMS; the third is too old for it
        assertThat(ds)
                .extracting(d -> d.action().orElse(""))
                .containsExactly("card-sms", "wealth-call", "", "wealth-call");
        assertThat(ds.get(0).considered().get(0).outcome()).isEqualTo(Outcome.CAPACITY_EXHAUSTED);
        assertThat(ds.get(2).explain()).contains("campaign 'wealth' had no capacity left");
        assertThat(nba.counts(ds))
                .containsExactly(Map.entry("wealth-call", 2L), Map.entry("card-sms", 1L), Map.entry("", 1L));
    }

    @Test
    void sharedLedger_carriesCapacityAcrossBatches() {
        NextBestAction nba = chooser().capacity("wealth", 1).build();
        Map<String, Long> ledger = new HashMap<>(nba.capacity());
        assertThat(nba.decide(customers(List.of(customer(1e6, 70))), ledger)
                        .get(0)
                        .action())
                .contains("wealth-call");
        assertThat(nba.decide(customers(List.of(customer(1e6, 70))), ledger)
                        .get(0)
                        .action())
                .isEmpty();
        assertThat(ledger).containsEntry("wealth", 0L);
    }

    @Test
    void missingPropensityOrValue_leavesTheActionUnscored() {
        Map<String, Object> c = customer(1e6, 40);
        c.remove("aum");
        Decision d = chooser().build().decide(customers(List.of(c))).get(0);
        // eligibility needs aum: not eligible; the SMS is still fine
        assertThat(d.action()).contains("card-sms");
        Action noValue = action("x", "x", ContactChannel.APP_PUSH, "true", 0.5, "aum * 2.0");
        Decision e = NextBestAction.builder()
                .action(noValue)
                .clock(CLOCK)
                .build()
                .decide(customers(List.of(c)))
                .get(0);
        assertThat(e.considered().get(0).outcome()).isEqualTo(Outcome.NO_SCORE);
        assertThat(e.considered().get(0).detail()).contains("value (aum * 2.0) missing");
    }

    @Test
    void modelPropensity_comesFromAPmmlOutput() throws Exception {
        Evaluator model;
        try (InputStream in = getClass().getResourceAsStream("propensity.pmml")) {
            model = PmmlReader.ofDefaults().read(in);
        }
        Propensity p = Propensity.model(ProfileScorer.of(model, SCHEMA), "P");
        Action call = new Action(
                "call",
                "c",
                ContactChannel.VOICE,
                Condition.compile("c", "true", SCHEMA),
                p,
                Formula.compile("c", "100.0", SCHEMA));
        Decision d = NextBestAction.builder()
                .action(call)
                .clock(CLOCK)
                .build()
                .decide(customers(List.of(customer(1e6, 50))))
                .get(0);
        // P = 0.004 x age = 0.2
        assertThat(d.considered().get(0).propensity()).isEqualTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.expectedValue()).isEqualTo(20.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThatThrownBy(() -> Propensity.model(ProfileScorer.of(model, SCHEMA), "nope"))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("has no output 'nope'");
    }

    @Test
    void decision_toString_masksTheCustomerId() {
        Decision d = new Decision("13812345678", java.util.Optional.of("card-sms"), 15.0, List.of());
        assertThat(d.toString()).doesNotContain("13812345678").contains("card-sms");
    }
}
