package io.remotebank.segmentation.nba;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Mask;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The action chosen for a customer, if any, and every candidate's fate, which explains the choice.
 *
 * @param customerId the customer's id (personal data: mask it before showing it)
 * @param action the chosen action's name, or empty
 * @param expectedValue its expected value, NaN when none was chosen
 * @param considered every candidate, in the order the actions were declared
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Decision(
        String customerId, Optional<String> action, double expectedValue, List<Consideration> considered) {

    /** Validates and copies. */
    public Decision {
        Arguments.notNull(customerId, "customerId");
        Arguments.notNull(action, "action");
        considered = List.copyOf(Arguments.notNull(considered, "considered"));
    }

    /** The decision with the customer id masked: a toString ends up in logs. */
    @Override
    public String toString() {
        return "Decision[customerId=" + Mask.text(customerId) + ", action=" + action.orElse("") + ", expectedValue="
                + expectedValue + ", considered=" + considered + "]";
    }

    /** The choice and each candidate's fate in one line of English, e.g. for an agent's screen. */
    public String explain() {
        StringBuilder s = new StringBuilder();
        s.append(action.isPresent() ? "chose '" + action.get() + "'" : "no action");
        for (Consideration c : considered) {
            s.append("; '").append(c.action()).append("' ");
            switch (c.outcome()) {
                case CHOSEN:
                    s.append(String.format(
                            Locale.ROOT,
                            "chosen: expected value %.2f = propensity %.3f x value %.2f",
                            c.expectedValue(),
                            c.propensity(),
                            c.value()));
                    break;
                case NOT_ELIGIBLE:
                    s.append("not eligible: ").append(c.detail()).append(" not met");
                    break;
                case NO_SCORE:
                    s.append("not scored: ").append(c.detail());
                    break;
                case REFUSED:
                    s.append("refused by the contact policy: ").append(c.detail());
                    break;
                case CAPACITY_EXHAUSTED:
                    s.append(String.format(Locale.ROOT, "expected value %.2f but %s", c.expectedValue(), c.detail()));
                    break;
                default:
                    s.append(String.format(Locale.ROOT, "outranked: expected value %.2f", c.expectedValue()));
                    break;
            }
        }
        return s.toString();
    }
}
