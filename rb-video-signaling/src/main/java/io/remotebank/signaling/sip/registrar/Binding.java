package io.remotebank.signaling.sip.registrar;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.pii.Mask;
import io.remotebank.signaling.sip.NameAddress;
import io.remotebank.signaling.sip.Parameters;
import io.remotebank.signaling.sip.SipUri;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One binding of an address-of-record to a contact address (RFC 3261 10): where to reach the user,
 * until when, with which preference, and the Call-ID and CSeq of the REGISTER that last set it (the
 * ordering rules of RFC 3261 10.3 step 7).
 *
 * @param contact the Contact value without its {@code expires} and {@code q} parameters (other
 *     parameters, such as {@code +sip.instance}, are kept)
 * @param q the preference, when the contact gave one
 * @param expiresAt when the binding expires
 * @param callId the Call-ID of the REGISTER that set it
 * @param cseq the CSeq number of that REGISTER
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Binding(NameAddress contact, Optional<QValue> q, Instant expiresAt, String callId, long cseq) {

    /** Checks the parts and strips {@code expires} and {@code q} from the contact. */
    public Binding {
        Arguments.notNull(contact, "contact");
        Arguments.notNull(q, "q");
        Arguments.notNull(expiresAt, "expiresAt");
        Arguments.notNull(callId, "callId");
        if (cseq < 0) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "a CSeq number is not negative");
        }
        contact = withoutParameters(contact, "expires", "q");
    }

    /**
     * The identity of the contact for matching (RFC 3261 10.3 step 7 compares contact URIs by the
     * rules of 19.1.4): for {@code sip} and {@code sips}, the scheme, user and password (exact), host
     * (any case), port, and the {@code transport}, {@code user}, {@code ttl}, {@code method} and
     * {@code maddr} parameters (any case); URI headers and other parameters are left out. Other
     * schemes compare by the whole URI with the scheme in lower case.
     */
    public String key() {
        return key(contact.uri());
    }

    /**
     * The time left at {@code now}, rounded up to whole seconds, zero when expired.
     *
     * @param now the current time
     * @return the time left
     */
    public Duration remaining(Instant now) {
        Duration d = Duration.between(now, expiresAt);
        if (d.isNegative() || d.isZero()) {
            return Duration.ZERO;
        }
        return d.getNano() == 0 ? d : Duration.ofSeconds(d.getSeconds() + 1);
    }

    /**
     * Whether the binding has expired at {@code now}.
     *
     * @param now the current time
     * @return true once {@code now} is at or after {@link #expiresAt()}
     */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * The Contact value for a 200 to REGISTER: the contact with {@code q} and the seconds left.
     *
     * @param now the current time
     * @return e.g. {@code <sip:alice@192.0.2.4:5060>;q=0.7;expires=3599}
     */
    public String toContactValue(Instant now) {
        Parameters p = contact.parameters();
        if (q.isPresent()) {
            p = p.with("q", q.get().toString());
        }
        p = p.with("expires", Long.toString(remaining(now).getSeconds()));
        return new NameAddress(contact.displayName(), contact.uri(), true, p).toString();
    }

    /** The contact key masked (a user part is often a phone number), the expiry and the q-value. */
    @Override
    public String toString() {
        return "Binding[" + Mask.text(key()) + ", q=" + q.map(QValue::toString).orElse("-") + ", until " + expiresAt
                + "]";
    }

    static String key(SipUri uri) {
        if (uri.kind() != SipUri.Kind.SIP && uri.kind() != SipUri.Kind.SIPS) {
            String text = uri.toString();
            int colon = text.indexOf(':');
            return colon < 0 ? text : text.substring(0, colon).toLowerCase(Locale.ROOT) + text.substring(colon);
        }
        StringBuilder sb = new StringBuilder(uri.scheme().toLowerCase(Locale.ROOT)).append(':');
        uri.user().ifPresent(u -> {
            sb.append(u);
            uri.password().ifPresent(pw -> sb.append(':').append(pw));
            sb.append('@');
        });
        sb.append(uri.host().orElse("").toLowerCase(Locale.ROOT));
        uri.port().ifPresent(p -> sb.append(':').append(p));
        for (String name : new String[] {"transport", "user", "ttl", "method", "maddr"}) {
            uri.parameters()
                    .get(name)
                    .ifPresent(v -> sb.append(';').append(name).append('=').append(v.toLowerCase(Locale.ROOT)));
        }
        return sb.toString();
    }

    static NameAddress withoutParameters(NameAddress a, String... names) {
        Parameters p = a.parameters();
        boolean any = false;
        for (String n : names) {
            any |= p.has(n);
        }
        if (!any) {
            return a;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        outer:
        for (String n : p.names()) {
            for (String drop : names) {
                if (drop.equalsIgnoreCase(n)) {
                    continue outer;
                }
            }
            String v = p.get(n).orElse("");
            kept.put(n, v.isEmpty() ? null : v);
        }
        return new NameAddress(a.displayName(), a.uri(), true, Parameters.of(kept));
    }
}
