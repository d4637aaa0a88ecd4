package io.remotebank.examples.segmentation;

import io.remotebank.channels.Category;
import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.policy.FrequencyCap;
import io.remotebank.core.ContactChannel;
import io.remotebank.segmentation.nba.Action;
import io.remotebank.segmentation.nba.ContactGate;
import io.remotebank.segmentation.nba.ContactVerdict;
import io.remotebank.segmentation.nba.ContactVerdict.Reason;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * rb-channels' {@link ContactPolicy} as the next-best-action chooser's contact gate: how an application
 * wires two feature modules that do not know each other. Every action is marketing. The policy decides
 * whether consent is needed, the sending window (in the policy's zone) and the frequency caps; the
 * profile supplies the facts: a {@code bool} field {@code consent_call} (voice and video) or {@code
 * consent_<channel>} (e.g. {@code consent_sms}) records the customer's consent, and an {@code int}
 * field {@code contacts_7d} the marketing contacts of the last seven days, checked against every cap
 * whose window is seven days or shorter. A missing consent field or value counts as no consent.
 */
final class ChannelsContactGate implements ContactGate {

    private final ContactPolicy policy;

    /**
     * A gate over a policy.
     *
     * @param policy the contact policy
     */
    ChannelsContactGate(ContactPolicy policy) {
        this.policy = policy;
    }

    /** The consent field of a channel: {@code consent_call} for voice and video, else {@code consent_<code>}. */
    static String consentField(ContactChannel channel) {
        if (channel == ContactChannel.VOICE || channel == ContactChannel.VIDEO) {
            return "consent_call";
        }
        return "consent_" + channel.code().replace('-', '_');
    }

    @Override
    public ContactVerdict check(ProfileBatch batch, int row, Action action, Instant at) {
        ProfileSchema schema = batch.schema();
        if (policy.consentRequired(Category.MARKETING)) {
            String field = consentField(action.channel());
            int f = schema.field(field)
                    .filter(x -> x.type() == ProfileType.BOOL)
                    .map(x -> schema.indexOf(field))
                    .orElse(-1);
            if (f < 0 || batch.numbers(f)[row] != 1) {
                return ContactVerdict.refused(
                        Reason.NO_CONSENT,
                        "no " + policy.consentPurpose(action.channel()).code() + " consent (" + field + ")");
            }
        }
        LocalTime local = at.atZone(policy.defaultZone()).toLocalTime();
        if (!policy.quietHours(Category.MARKETING).allows(local)) {
            return ContactVerdict.refused(
                    Reason.QUIET_HOURS,
                    "marketing " + policy.quietHours(Category.MARKETING) + " " + policy.defaultZone());
        }
        int contacts = schema.field("contacts_7d")
                .filter(x -> x.type() == ProfileType.INT)
                .map(x -> schema.indexOf("contacts_7d"))
                .orElse(-1);
        if (contacts >= 0) {
            double made = batch.numbers(contacts)[row];
            for (FrequencyCap cap : policy.caps(Category.MARKETING)) {
                if (cap.window().compareTo(Duration.ofDays(7)) <= 0 && made >= cap.max()) {
                    return ContactVerdict.refused(Reason.FREQUENCY_CAP, "marketing " + cap);
                }
            }
        }
        return ContactVerdict.allowed();
    }
}
