package io.remotebank.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import io.remotebank.signaling.sip.Header;
import io.remotebank.signaling.sip.SipMessage;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario (a) reads the same thing on both sides: the value of every header field as a String (ours
 * as written, JAIN-SIP's as it encodes it again), so the race is fair.
 */
class SipParseBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"invite", "ok"})
    void bothSidesReadEveryHeaderValue(String message) throws Exception {
        SipParseBenchmark benchmark = new SipParseBenchmark();
        benchmark.message = message;
        benchmark.setUp();

        SipMessage ours = benchmark.parser.parseOwned(benchmark.bytes);
        ours.validate();
        assertThat(ours.headers())
                .isEqualTo(benchmark.parser.parse(benchmark.bytes).headers());
        Map<String, String> oursByName = new TreeMap<>();
        for (Header h : ours.headers()) {
            oursByName.put(h.name().toLowerCase(Locale.ROOT), squeeze(h.value()));
        }

        SIPMessage theirs = benchmark.jainSip.parseSIPMessage(benchmark.bytes, true, false, null);
        Map<String, String> theirsByName = new TreeMap<>();
        Iterator<SIPHeader> it = theirs.getHeaders();
        while (it.hasNext()) {
            SIPHeader h = it.next();
            theirsByName.put(h.getName().toLowerCase(Locale.ROOT), squeeze(h.getValue()));
        }

        assertThat(oursByName).hasSize(ours.headers().size()).isEqualTo(theirsByName);
        assertThat(ours.body()).isEqualTo(theirs.getRawContent() == null ? new byte[0] : theirs.getRawContent());
    }

    /** The value without whitespace: JAIN-SIP writes list separators and the like its own way. */
    private static String squeeze(String value) {
        return value.replaceAll("\\s+", "");
    }
}
