package io.remotebank.signaling.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.signaling.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every torture message of RFC 4475 (section 3, all 49) and RFC 5118 (section 4, all 12), with the
 * verdict the RFC gives: accepted (parsed and validated as a UAS would), or rejected with the status
 * a UAS answers. "Must not break" messages that an application above the parser refuses (416, 420,
 * 415 ...) parse here; the test checks the fact the application decides on.
 */
class SipTortureTest {

    static Stream<Arguments> rfc4475() {
        return Stream.of(
                // RFC 4475 3.1.1 Valid messages
                accept("3.1.1.1", "wsinv"),
                accept("3.1.1.2", "intmeth"),
                accept("3.1.1.3", "esc01"),
                accept("3.1.1.4", "escnull"),
                accept("3.1.1.5", "esc02"),
                accept("3.1.1.6", "lwsdisp"),
                accept("3.1.1.7", "longreq"),
                accept("3.1.1.8", "dblreq"),
                accept("3.1.1.9", "semiuri"),
                accept("3.1.1.10", "transports"),
                accept("3.1.1.11", "mpart01"),
                accept("3.1.1.12", "unreason"),
                accept("3.1.1.13", "noreason"),
                // RFC 4475 3.1.2 Invalid messages
                reject("3.1.2.1", "badinv01", 400),
                reject("3.1.2.2", "clerr", 400),
                reject("3.1.2.3", "ncl", 400),
                reject("3.1.2.4", "scalar02", 400),
                reject("3.1.2.5", "scalarlg", 400),
                reject("3.1.2.6", "quotbal", 400),
                reject("3.1.2.7", "ltgtruri", 400),
                reject("3.1.2.8", "lwsruri", 400),
                reject("3.1.2.9", "lwsstart", 400),
                reject("3.1.2.10", "trws", 400),
                reject("3.1.2.11", "escruri", 400),
                reject("3.1.2.12", "baddate", 400),
                reject("3.1.2.13", "regbadct", 400),
                reject("3.1.2.14", "badaspec", 400),
                reject("3.1.2.15", "baddn", 400),
                reject("3.1.2.16", "badvers", 505),
                reject("3.1.2.17", "mismatch01", 400),
                reject("3.1.2.18", "mismatch02", 400),
                reject("3.1.2.19", "bigcode", 400),
                // RFC 4475 3.2 Transaction layer semantics
                accept("3.2.1", "badbranch"),
                // RFC 4475 3.3 Application layer semantics
                reject("3.3.1", "insuf", 400),
                accept("3.3.2", "unkscm"),
                accept("3.3.3", "novelsc"),
                accept("3.3.4", "unksm2"),
                accept("3.3.5", "bext01"),
                accept("3.3.6", "invut"),
                accept("3.3.7", "regaut01"),
                reject("3.3.8", "multi01", 400),
                reject("3.3.9", "mcl01", 400),
                accept("3.3.10", "bcast"),
                accept("3.3.11", "zeromf"),
                accept("3.3.12", "cparam01"),
                accept("3.3.13", "cparam02"),
                accept("3.3.14", "regescrt"),
                accept("3.3.15", "sdp01"),
                // RFC 4475 3.4 Backward compatibility
                accept("3.4.1", "inv2543"));
    }

    static Stream<Arguments> rfc5118() {
        return Stream.of(
                accept("4.1", "ipv6-good"),
                reject("4.2", "ipv6-bad", 400),
                accept("4.3", "port-ambiguous"),
                accept("4.4", "port-unambiguous"),
                accept("4.5", "via-received-param-with-delim"),
                accept("4.5", "via-received-param-no-delim"),
                // 4.6: the RFC's Content-Length (268) exceeds its 251-byte body, which RFC 3261 18.3
                // answers with 400 over UDP; ipv6InSdp_withItsContentLengthCorrected_isAccepted
                // checks the message the RFC means.
                reject("4.6", "ipv6-in-sdp", 400),
                accept("4.7", "mult-ip-in-header"),
                accept("4.8", "mult-ip-in-sdp"),
                accept("4.9", "ipv4-mapped-ipv6"),
                reject("4.10", "ipv6-bug-abnf-3-colons", 400),
                accept("4.10", "ipv6-correct-abnf-2-colons"));
    }

    @ParameterizedTest(name = "RFC 4475 {0} {1}: {2}")
    @MethodSource("rfc4475")
    void rfc4475_verdict(String section, String name, int expected) {
        verdict(Torture.load("rfc4475", name), expected);
    }

    @ParameterizedTest(name = "RFC 5118 {0} {1}: {2}")
    @MethodSource("rfc5118")
    void rfc5118_verdict(String section, String name, int expected) {
        verdict(Torture.load("rfc5118", name), expected);
    }

    @Test
    void rfc4475_hasAll49AndRfc5118All12() {
        assertThat(rfc4475()).hasSize(49);
        assertThat(rfc5118()).hasSize(12);
    }

    private static void verdict(byte[] bytes, int expected) {
        if (expected == 0) {
            SipMessage m = SipParser.ofDefaults().parse(bytes);
            m.validate();
            // Serialization round-trips: the bytes out parse to the same bytes.
            assertThat(SipParser.ofDefaults().parse(m.toBytes()).toBytes()).isEqualTo(m.toBytes());
        } else {
            assertThatThrownBy(() -> SipParser.ofDefaults().parse(bytes).validate())
                    .isInstanceOfSatisfying(
                            SipParseException.class,
                            e -> assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(expected));
        }
    }

    private static Arguments accept(String section, String name) {
        return Arguments.of(section, name, 0);
    }

    private static Arguments reject(String section, String name, int status) {
        return Arguments.of(section, name, status);
    }

    private static SipMessage parse(String rfc, String name) {
        return SipParser.ofDefaults().parse(Torture.load(rfc, name));
    }

    @Test
    void wsinv_foldingCompactFormsAndEscapes_areUnderstood() {
        SipRequest m = (SipRequest) parse("rfc4475", "wsinv");
        assertThat(m.method()).isEqualTo("INVITE");
        assertThat(m.requestUri().parameters().has("unknownparam")).isTrue();
        assertThat(m.callId()).contains("wsinv.ndaksdj@192.0.2.1");
        assertThat(m.cseq()).contains(new CSeq(9, "INVITE"));
        assertThat(m.toTag()).contains("1918181833n");
        assertThat(m.fromTag()).contains("98asjd8");
        assertThat(m.from().orElseThrow().displayNameText()).contains("J Rosenberg \\\"");
        assertThat(m.maxForwards()).hasValue(68);
        assertThat(m.vias())
                .extracting(Via::transport, Via::host)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("UDP", "192.0.2.2"),
                        org.assertj.core.groups.Tuple.tuple("TCP", "spindle.example.com"),
                        org.assertj.core.groups.Tuple.tuple("UDP", "192.168.255.111"));
        assertThat(m.vias().get(2).branch()).contains("z9hG4bK30239");
        assertThat(m.header("UnknownHeaderWithUnusualValue")).contains(";;,,;;,;");
        assertThat(m.header("Subject")).contains("");
        assertThat(m.contacts()).singleElement().satisfies(c -> {
            assertThat(c.displayNameText()).contains("Quoted string \"\"");
            assertThat(c.parameters().get("newparam")).contains("newvalue");
            assertThat(c.parameters().has("secondparam")).isTrue();
            assertThat(c.parameters().get("q")).contains("0.33");
        });
        assertThat(m.routes())
                .singleElement()
                .satisfies(r -> assertThat(r.uri().parameters().has("lr")).isTrue());
        assertThat(m.contentType().orElseThrow().is("application", "sdp")).isTrue();
        assertThat(SessionDescription.parse(m.body()).media()).hasSize(2);
    }

    @Test
    void intmeth_unusualCharacters_areKept() {
        SipRequest m = (SipRequest) parse("rfc4475", "intmeth");
        assertThat(m.method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        assertThat(m.requestUri().user()).contains("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(m.requestUri().password()).contains("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(m.maxForwards()).hasValue(255);
        assertThat(m.to().orElseThrow().displayNameText()).contains("BEL:\u0007 NUL:\u0000 DEL:\u007f");
        assertThat(m.from().orElseThrow().parameters().get("fromParam''~+*_!.-%"))
                .contains("\"работающий\"");
        assertThat(m.header("extensionHeader-!.%*+_`'~")).contains("\ufeff大停電");
    }

    @Test
    void longreq_34Vias_inEveryCaseAndCompactForm() {
        SipMessage m = parse("rfc4475", "longreq");
        assertThat(m.vias()).hasSize(34);
        assertThat(m.to().orElseThrow().uri().port()).hasValue(6000);
    }

    @Test
    void dblreq_datagramWithTrailingMessage_keepsTheFirstOnly() {
        SipRequest m = (SipRequest) parse("rfc4475", "dblreq");
        assertThat(m.method()).isEqualTo("REGISTER");
        assertThat(m.bodyLength()).isZero();
        assertThat(new String(m.toBytes(), StandardCharsets.UTF_8)).doesNotContain("INVITE");
    }

    @Test
    void semiuri_userPartWithSemicolon_isOneUser() {
        SipRequest m = (SipRequest) parse("rfc4475", "semiuri");
        assertThat(m.requestUri().user()).contains("user;par=u%40example.net");
        assertThat(m.requestUri().host()).contains("example.com");
        assertThat(m.accept()).hasSize(6);
    }

    @Test
    void transports_unknownTransportsAreKept() {
        assertThat(parse("rfc4475", "transports").vias())
                .extracting(Via::transport)
                .containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
    }

    @Test
    void mpart01_binaryBody_isFramedByContentLength() {
        SipMessage m = parse("rfc4475", "mpart01");
        assertThat(m.bodyLength()).isEqualTo(553);
        assertThat(m.contentType().orElseThrow().parameters().get("boundary")).contains("7a9cbec02ceef655");
        assertThat(m.body()).contains((byte) 0);
    }

    @Test
    void unreasonAndNoreason_reasonPhrasesAsSent() {
        SipResponse u = (SipResponse) parse("rfc4475", "unreason");
        assertThat(u.statusCode()).isEqualTo(200);
        assertThat(u.reasonPhrase()).isEqualTo("= 2**3 * 5**2 но сто девяносто девять - простое");
        SipResponse n = (SipResponse) parse("rfc4475", "noreason");
        assertThat(n.statusCode()).isEqualTo(100);
        assertThat(n.reasonPhrase()).isEmpty();
    }

    @Test
    void applicationLayerCases_exposeWhatTheUasDecidesOn() {
        // 3.3.2: unknown scheme -> the UAS answers 416
        assertThat(((SipRequest) parse("rfc4475", "unkscm")).requestUri().kind())
                .isEqualTo(SipUri.Kind.OTHER);
        // 3.3.5: Require with unknown tags -> 420 with Unsupported
        assertThat(parse("rfc4475", "bext01").require())
                .containsExactly("nothingSupportsThis", "nothingSupportsThisEither");
        // 3.3.6: unknown Content-Type -> 415
        assertThat(parse("rfc4475", "invut").contentType().orElseThrow().is("application", "unknownformat"))
                .isTrue();
        // 3.3.7: unknown auth scheme is kept
        assertThat(parse("rfc4475", "regaut01").authorizations())
                .singleElement()
                .satisfies(a -> assertThat(a.scheme()).isEqualTo("NoOneKnowsThisScheme"));
        // 3.3.11: Max-Forwards 0
        assertThat(parse("rfc4475", "zeromf").maxForwards()).hasValue(0);
        // 3.3.12/13: header parameter versus URI parameter
        assertThat(parse("rfc4475", "cparam01").contacts().get(0).parameters().has("unknownparam"))
                .isTrue();
        assertThat(parse("rfc4475", "cparam02")
                        .contacts()
                        .get(0)
                        .uri()
                        .parameters()
                        .has("unknownparam"))
                .isTrue();
        // 3.3.14: escaped headers inside <> are allowed in Contact
        assertThat(parse("rfc4475", "regescrt").contacts().get(0).uri().headers())
                .contains("Route=%3Csip:sip.example.com%3E");
        // 3.4.1: RFC 2543 syntax: no Max-Forwards, no branch, body to the end of the datagram
        SipMessage old = parse("rfc4475", "inv2543");
        assertThat(old.maxForwards()).isEmpty();
        assertThat(old.topVia().orElseThrow().branch()).isEmpty();
        assertThat(old.bodyLength()).isPositive();
    }

    @Test
    void ipv6References_hostAndPortAreTold() {
        assertThat(((SipRequest) parse("rfc5118", "ipv6-good")).requestUri().host())
                .contains("[2001:db8::10]");
        SipUri ambiguous = ((SipRequest) parse("rfc5118", "port-ambiguous")).requestUri();
        assertThat(ambiguous.host()).contains("[2001:db8::10:5070]");
        assertThat(ambiguous.port()).isEmpty();
        assertThat(((SipRequest) parse("rfc5118", "port-unambiguous"))
                        .requestUri()
                        .port())
                .hasValue(5070);
        assertThat(parse("rfc5118", "via-received-param-no-delim")
                        .topVia()
                        .orElseThrow()
                        .received())
                .contains("2001:db8::9:255");
        assertThat(parse("rfc5118", "ipv4-mapped-ipv6").topVia().orElseThrow().host())
                .isEqualTo("[::ffff:192.0.2.10]");
    }

    @Test
    void ipv6InSdp_withItsContentLengthCorrected_isAccepted() {
        String text = new String(Torture.load("rfc5118", "ipv6-in-sdp"), StandardCharsets.UTF_8)
                .replace("Content-Length: 268", "Content-Length: 251");
        SipMessage m = SipParser.ofDefaults().parse(text.getBytes(StandardCharsets.UTF_8));
        m.validate();
        SessionDescription sdp = SessionDescription.parse(m.body());
        assertThat(sdp.connection().orElseThrow().addrType()).isEqualTo("IP6");
        assertThat(sdp.media()).hasSize(2);
    }

    @Test
    void rejection_saysWhere() {
        assertThatThrownBy(() -> parse("rfc4475", "lwsstart")).isInstanceOfSatisfying(SipParseException.class, e -> {
            assertThat(e.offset()).isEqualTo(7);
            assertThat(e.reasonPhrase()).isEqualTo("Bad Request");
        });
        assertThatThrownBy(() -> parse("rfc4475", "badvers"))
                .isInstanceOfSatisfying(
                        SipParseException.class,
                        e -> assertThat(e.code().code()).isEqualTo("signaling.sip.version-unsupported"));
        List<String> unused = List.of();
        assertThat(unused).isEmpty();
    }
}
