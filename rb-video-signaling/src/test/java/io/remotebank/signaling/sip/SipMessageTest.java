package io.remotebank.signaling.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipMessageTest {

    static final String INVITE = "INVITE sips:bob@[2001:db8::2]:5061;transport=tls SIP/2.0\r\n"
            + "Via: SIP/2.0/TLS [2001:db8::1]:5061;branch=z9hG4bK74bf9;rport, SIP/2.0/UDP p.example.com\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: Bob <sips:bob@example.com>\r\n"
            + "From: \"Alice\" <sips:alice@example.com>;tag=9fxced76sl\r\n"
            + "Call-ID: 3848276298220188511@atlanta.example.com\r\n"
            + "CSeq: 2 INVITE\r\n"
            + "Contact: <sips:alice@client.atlanta.example.com>;expires=60, <tel:+1-201-555-0123;phone-context=x>\r\n"
            + "Route: <sip:p1.example.com;lr>,<sip:p2.example.com;lr>\r\n"
            + "Record-Route: <sip:rr.example.com;lr>\r\n"
            + "Supported: timer, 100rel\r\n"
            + "Require: 100rel\r\n"
            + "Unsupported: foo\r\n"
            + "Proxy-Require: bar\r\n"
            + "Allow: INVITE, ACK, BYE\r\n"
            + "Expires: 120\r\n"
            + "Date: Sat, 13 Nov 2010 23:29:00 GMT\r\n"
            + "Authorization: Digest username=\"alice\", realm=\"atlanta.example.com\", nonce=\"84a4cc6f\","
            + " uri=\"sips:bob@example.com\", response=\"7587245234b3434cc3412213e5f113a5\", algorithm=SHA-256,"
            + " qop=auth, nc=00000001, cnonce=\"0a4f113b\"\r\n"
            + "Proxy-Authorization: Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"\r\n"
            + "WWW-Authenticate: Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256, qop=\"auth\"\r\n"
            + "Proxy-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n"
            + "X-Custom:  kept   as  it came \r\n"
            + "c: application/sdp\r\n"
            + "l: 3\r\n"
            + "\r\n"
            + "v=0";

    static SipRequest invite() {
        return (SipRequest) SipParser.ofDefaults().parse(INVITE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyKnownHeader_isParsedOnFirstUse() {
        SipRequest m = invite();
        m.validate();
        assertThat(m.requestUri().kind()).isEqualTo(SipUri.Kind.SIPS);
        assertThat(m.requestUri().host()).contains("[2001:db8::2]");
        assertThat(m.requestUri().port()).hasValue(5061);
        assertThat(m.requestUri().parameters().get("TRANSPORT")).contains("tls");
        assertThat(m.topVia().orElseThrow().hasRfc3261Branch()).isTrue();
        assertThat(m.topVia().orElseThrow().rport()).isEmpty();
        assertThat(m.topVia().orElseThrow().sentByPort()).hasValue(5061);
        assertThat(m.vias()).hasSize(2);
        assertThat(m.to().orElseThrow().displayName()).contains("Bob");
        assertThat(m.toTag()).isEmpty();
        assertThat(m.contacts()).hasSize(2);
        assertThat(m.contacts().get(1).uri().kind()).isEqualTo(SipUri.Kind.TEL);
        assertThat(m.contacts().get(1).uri().user()).contains("+1-201-555-0123");
        assertThat(m.routes()).hasSize(2);
        assertThat(m.recordRoutes()).hasSize(1);
        assertThat(m.supported()).containsExactly("timer", "100rel");
        assertThat(m.require()).containsExactly("100rel");
        assertThat(m.unsupported()).containsExactly("foo");
        assertThat(m.proxyRequire()).containsExactly("bar");
        assertThat(m.allow()).containsExactly("INVITE", "ACK", "BYE");
        assertThat(m.expires()).hasValue(120);
        assertThat(m.date()).contains("Sat, 13 Nov 2010 23:29:00 GMT");
        Authentication auth = m.authorizations().get(0);
        assertThat(auth.isDigest()).isTrue();
        assertThat(auth.param("username")).contains("alice");
        assertThat(auth.param("algorithm")).contains("SHA-256");
        assertThat(m.wwwAuthenticates().get(0).param("qop")).contains("auth");
        assertThat(m.proxyAuthenticates()).hasSize(1);
        assertThat(m.proxyAuthorizations()).hasSize(1);
        assertThat(m.header("x-custom")).contains("kept   as  it came");
        assertThat(m.headerValues("Content-Type")).containsExactly("application/sdp");
        assertThat(m.contentLength()).hasValue(3);
        assertThat(m.bodyText()).isEqualTo("v=0");
        assertThat(m.headers()).hasSize(23);
        assertThat(m.toString()).contains("INVITE").doesNotContain("alice");
        assertThat(new String(m.toBytes(), StandardCharsets.UTF_8)).isEqualTo(INVITE);
    }

    @Test
    void vias_continueAfterTheTopValue_acrossFields() {
        String text = "SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1 ,\r\n SIP/2.0/TCP b.example.com:5070\r\n"
                + "v: SIP/2.0/TLS c.example.com;received=192.0.2.1, SIP/2.0/WS d.example.com\r\n"
                + "Call-ID: x@y\r\nCSeq: 1 INVITE\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\n\r\n";
        SipMessage m = SipParser.ofDefaults().parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(m.vias())
                .extracting(Via::host)
                .containsExactly("a.example.com", "b.example.com", "c.example.com", "d.example.com");
        assertThat(m.vias().get(0)).isSameAs(m.topVia().orElseThrow());
        assertThat(m.vias().get(1).port()).isEqualTo(5070);
        assertThat(m.vias().get(2).received()).contains("192.0.2.1");
        assertThat(m.headers()).extracting(Header::name).startsWith("Via", "v", "Call-ID");
    }

    private static SipMessage okWithVia(String via) {
        String text = "SIP/2.0 200 OK\r\nVia: " + via + "\r\n"
                + "Call-ID: x@y\r\nCSeq: 1 INVITE\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\n\r\n";
        return SipParser.ofDefaults().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code SIP/2.0/} is read in one compare; every other spelling the grammar allows, as before. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "SIP/2.0/TLS h.example.com;branch=z9hG4bK1",
                "SIP/2.0/ TLS h.example.com;branch=z9hG4bK1",
                "SIP / 2.0 / TLS h.example.com;branch=z9hG4bK1",
                "SIP/2.0\r\n /TLS h.example.com;branch=z9hG4bK1",
                "sip/2.0/tls h.example.com;branch=z9hG4bK1"
            })
    void viaSentProtocol_everySpelling_givesTheSameParts(String via) {
        Via top = okWithVia(via).topVia().orElseThrow();
        assertThat(top.protocol()).isEqualToIgnoringCase("SIP");
        assertThat(top.version()).isEqualTo("2.0");
        assertThat(top.transport()).isEqualToIgnoringCase("TLS");
        assertThat(top.host()).isEqualTo("h.example.com");
        assertThat(top.branch()).contains("z9hG4bK1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIP/2.0/", "SIP/2.0/TLSh.example.com", "SIP/2.0/ ;x", "SIP/2.0", "SIP/2.0/TLS"})
    void viaSentProtocol_incomplete_isA400(String via) {
        assertThatThrownBy(() -> okWithVia(via))
                .isInstanceOfSatisfying(
                        SipParseException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"SIP/2.0/UDP a.example.com,", "SIP/2.0/UDP a.example.com, SIP/2.0/UDP", "SIP/2.0/UDP a, ;x"})
    void vias_afterTheTopValue_areStillChecked(String via) {
        SipMessage m = okWithVia(via);
        assertThat(m.topVia().orElseThrow().host()).isEqualTo(via.substring(12, via.indexOf(',')));
        assertThatThrownBy(m::vias)
                .isInstanceOfSatisfying(
                        SipParseException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<sip:a@b>",
                "sip:a@b;tag=1",
                "\"A \\\"B\\\"\" <sips:a@[2001:db8::1]:5061;transport=tls>;tag=x;foo=\"q v\";lr",
                "Alice  Smith <tel:+1-201-555-0123;phone-context=x> ; tag = 7",
                "<sip:a@b?subject=x>;tag",
                "urn:x:y;tag=2;tag=3"
            })
    void fromAndTo_builtAfterFraming_equalAFullParse(String value) {
        String text = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\nCall-ID: x@y\r\nCSeq: 1 INVITE\r\n" + "From: " + value
                + "\r\nTo: " + value + "\r\nContact: " + value + "\r\n\r\n";
        SipMessage m = SipParser.ofDefaults().parse(text.getBytes(StandardCharsets.UTF_8));
        NameAddress full = m.contacts().get(0);
        assertThat(m.from()).contains(full);
        assertThat(m.to()).contains(full);
        assertThat(m.from().orElseThrow().displayName()).isEqualTo(full.displayName());
        assertThat(m.from().orElseThrow().angleBrackets()).isEqualTo(full.angleBrackets());
        assertThat(m.to().orElseThrow().parameters()).isEqualTo(full.parameters());
        assertThat(m.from().orElseThrow().toString()).isEqualTo(full.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:a\"b@c", "sip:a@b;x=\"y\"", "sips:a@b?h=<v>", "sip:a@b c"})
    void sipUri_withACharacterNoUriTakes_namesThatCharacter(String uri) {
        assertThatThrownBy(() -> SipUri.parse(uri))
                .isInstanceOf(SipParseException.class)
                .hasMessageContaining("character not allowed in a URI");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "sip:a@, empty host, 6",
        "sip:a@.b, bad host name, 6",
        "sip:a@-b, bad host name, 6",
        "sip:a@b..c, empty label in host name, 8",
        "sip:a@b.c..d...e, empty label in host name, 10"
    })
    void badHostName_isReportedWhereItIs(String uri, String what, int offset) {
        assertThatThrownBy(() -> SipUri.parse(uri))
                .isInstanceOfSatisfying(
                        SipParseException.class, e -> assertThat(e.offset()).isEqualTo(offset))
                .hasMessageContaining(what);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "'a@b', a@b",
        "' a.b-c!%*_+`~()<>:\\\"/[]?{}@x ', a.b-c!%*_+`~()<>:\\\"/[]?{}@x",
        "'@a', ",
        "'a@b@c', ",
        "'a@', ",
        "'a b', ",
        "'a;b', "
    })
    void callId_isOneWordOrTwoJoinedByAt(String value, String expected) {
        String text = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;received=[2001:db8::1]:x\r\nCall-ID: " + value
                + "\r\nCSeq: 1 INVITE\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\n\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (expected == null) {
            assertThatThrownBy(() -> SipParser.ofDefaults().parse(bytes)).isInstanceOf(SipParseException.class);
        } else {
            SipMessage m = SipParser.ofDefaults().parse(bytes);
            assertThat(m.callId()).contains(expected);
            assertThat(m.topVia().orElseThrow().received()).contains("[2001:db8::1]:x");
        }
    }

    @Test
    void builder_proxyAddsAndRemovesVia_andResponseCopiesFields() {
        SipRequest m = invite();
        SipMessage forwarded = m.toBuilder()
                .headerFirst("Via", "SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp1")
                .set("Max-Forwards", "69")
                .build();
        assertThat(forwarded.topVia().orElseThrow().host()).isEqualTo("proxy.example.com");
        assertThat(forwarded.maxForwards()).hasValue(69);
        assertThat(forwarded.vias()).hasSize(3);
        SipMessage back = forwarded.toBuilder().removeFirstValue("v").build();
        assertThat(back.vias()).hasSize(2);
        SipMessage trimmed = back.toBuilder().removeFirstValue("Via").build();
        assertThat(trimmed.vias()).extracting(Via::host).containsExactly("p.example.com");

        SipResponse ok = SipResponse.to(m, 200, "OK", "a6c85cf")
                .body("application/sdp", "v=0\r\n")
                .build();
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.reasonPhrase()).isEqualTo("OK");
        assertThat(ok.toTag()).contains("a6c85cf");
        assertThat(ok.vias()).hasSize(2);
        assertThat(ok.cseq()).isEqualTo(m.cseq());
        assertThat(ok.bodyText()).isEqualTo("v=0\r\n");
        ok.validate();
        SipMessage req = SipRequest.builder("OPTIONS", "sip:a@b")
                .header("Via", "SIP/2.0/UDP h;branch=z9hG4bKx")
                .header("Call-ID", "c")
                .header("CSeq", "1 OPTIONS")
                .header("X", "1")
                .remove("X")
                .build();
        assertThat(req.header("X")).isEmpty();
        assertThat(req.contentLength()).hasValue(0);
    }

    @Test
    void builders_areTyped_andAStartLineOfTheOtherKind_isRefused() {
        // OkHttp's Request.Builder: a request builder builds a request, a response builder a
        // response, so no caller casts what it built.
        SipRequest request = SipRequest.builder("OPTIONS", "sip:a@b")
                .header("Via", "SIP/2.0/UDP h;branch=z9hG4bKx")
                .header("Call-ID", "c")
                .header("CSeq", "1 OPTIONS")
                .build();
        SipRequest forwarded = request.toBuilder().set("Max-Forwards", "69").build();
        SipResponse ok = SipResponse.to(forwarded, 200, "OK", "t").build();
        SipResponse copy = ok.toBuilder().header("Server", "rb").build();
        assertThat(forwarded.maxForwards()).hasValue(69);
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.header("Server")).contains("rb");

        // A "method" that is a SIP version makes a status line: it is not smuggled out as a request.
        SipRequest.Builder smuggler = SipRequest.builder("SIP/2.0", "200 OK")
                .header("Via", "SIP/2.0/UDP h;branch=z9hG4bKx")
                .header("Call-ID", "c")
                .header("CSeq", "1 OPTIONS");
        assertThatThrownBy(smuggler::build)
                .isInstanceOfSatisfying(
                        SipParseException.class,
                        e -> assertThat(e.detail()).isEqualTo("a request builder's start line parsed as a response"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "INVITE sip:a@b SIP/2.0\r\nContact: <sip:a@b\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nMax-Forwards: 256\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nExpires: 99999999999\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nContent-Type: text\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nAuthorization: Digest realm\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nRoute: <sip:a@b>,\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nSupported: a b\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP [::1\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h:99999\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;=x\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: <sip:a@[1:2:3:4:5:6:7:8:9]>\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: <sip:a@[1::2::3]>\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: <sip:a@[::1.2.3.256]>\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: <sip:a@..b>\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: <sip:a%4@b>\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: <sip:@b>\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: <sip:a@b;=1>\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: <tel:>\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: <x:>\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nTo: \"a\\\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nCall-ID: a b\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nCall-ID: a@\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nCSeq: 1INVITE\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\n Folded: x\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nNoColon\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nX: y\r\n",
                "INVITE sip:a@b SIP/2.0",
                "\r\n\r\n",
                "INVITE sip:a@b SIP/2\r\n\r\n",
                "SIP/2.0 099 Low\r\n\r\n",
                "SIP/2.0 20x OK\r\n\r\n",
                "SIP/2.0\r\n\r\n",
                "INV(TE sip:a@b SIP/2.0\r\n\r\n",
                "SIP/2.0 200 O\u0001K\r\n\r\n",
                "INVITE sip:a@b?x=<y> SIP/2.0\r\n\r\n",
                "INVITE sip:a@b:port SIP/2.0\r\n\r\n"
            })
    void malformed_isOneDeclaredException(String text) {
        assertThatThrownBy(() -> SipParser.ofDefaults()
                        .parse(text.getBytes(StandardCharsets.UTF_8))
                        .validate())
                .isInstanceOf(SipParseException.class);
    }

    @Test
    void limits_areEnforced_andChecked() {
        SipParser p = SipParser.withLimits(new SipLimits(200, 2, 100));
        assertThat(p.limits().maxHeaders()).isEqualTo(2);
        String three = "OPTIONS sip:a@b SIP/2.0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n";
        assertThatThrownBy(() -> p.parse(three.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SipParseException.class);
        String longLine = "OPTIONS sip:a@b SIP/2.0\r\nA: " + "x".repeat(120) + "\r\n\r\n";
        assertThatThrownBy(() -> p.parse(longLine.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SipParseException.class);
        byte[] big = ("OPTIONS sip:a@b SIP/2.0\r\n\r\n" + "x".repeat(300)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> p.parse(big))
                .isInstanceOfSatisfying(
                        SipParseException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
        assertThatThrownBy(() -> new SipLimits(0, 1, 1)).isInstanceOf(ValidationException.class);
        assertThat(SipLimits.ofDefaults().maxMessageSize()).isEqualTo(65_536);
    }

    @Test
    void uriAndValues_areUsableOnTheirOwn() {
        SipUri u = SipUri.parse("sip:alice:secret@example.com;transport=tcp?subject=hi");
        assertThat(u.isSip()).isTrue();
        assertThat(u.scheme()).isEqualTo("sip");
        assertThat(u.password()).contains("secret");
        assertThat(u.headers()).contains("subject=hi");
        assertThat(u).isEqualTo(SipUri.parse(u.toString())).hasSameHashCodeAs(SipUri.parse(u.toString()));
        Parameters p = Parameters.none().with("lr", null).with("ttl", "5").with("ttl", "6");
        assertThat(p.toString()).isEqualTo(";lr;ttl=6");
        assertThat(p.names()).containsExactly("lr", "ttl");
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.isEmpty()).isFalse();
        assertThat(p)
                .isEqualTo(Parameters.of(java.util.Map.of("lr", "x"))
                        .with("lr", null)
                        .with("ttl", "6"));
        assertThat(p.hashCode())
                .isEqualTo(Parameters.none().with("lr", null).with("ttl", "6").hashCode());
        Via v = new Via(
                "SIP",
                "2.0",
                "UDP",
                "h",
                5060,
                Parameters.none().with("branch", "z9hG4bKa").with("rport", "7"));
        assertThat(v.toString()).isEqualTo("SIP/2.0/UDP h:5060;branch=z9hG4bKa;rport=7");
        assertThat(v.rport()).hasValue(7);
        NameAddress na = new NameAddress(
                java.util.Optional.of("\"A\""), u, true, Parameters.none().with("tag", "1"));
        assertThat(na.toString()).startsWith("\"A\" <sip:alice");
        assertThat(new CSeq(1, "ACK").toString()).isEqualTo("1 ACK");
        assertThat(new Header("a", "b").toString()).isEqualTo("a: b");
        ContentType ct = new ContentType("application", "sdp", Parameters.none());
        assertThat(ct.toString()).isEqualTo("application/sdp");
        assertThat(new Authentication("Digest", Parameters.none().with("realm", "\"r\"")).toString())
                .isEqualTo("Digest realm=\"r\"");
        assertThatThrownBy(() -> new CSeq(1L << 31, "INVITE")).isInstanceOf(SipParseException.class);
    }

    @Test
    void wildcardContact_isRecognised() {
        String reg = "REGISTER sip:r SIP/2.0\r\nContact: *\r\nExpires: 0\r\n\r\n";
        SipMessage m = SipParser.ofDefaults().parse(reg.getBytes(StandardCharsets.UTF_8));
        assertThat(m.isWildcardContact()).isTrue();
        assertThat(m.contacts()).isEmpty();
    }

    // What the From/To value is built to after framing (a single tag= is not walked again): the
    // address as written | its parameters as serialized | its tag.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<sip:a@example.com>;tag=1x|;tag=1x|1x",
                "<sip:a@example.com>;TAG=1x|;TAG=1x|1x",
                "<sip:a@example.com> ; tag = 1x|;tag=1x|1x",
                "<sip:a@example.com>;tag=\"q 1\"|;tag=\"q 1\"|\"q 1\"",
                "<sip:a@example.com>;tag|;tag|",
                "<sip:a@example.com>;tag=1x;x-extra=2|;tag=1x;x-extra=2|1x",
                "<sip:a@example.com>;x-extra=2;tag=1x|;x-extra=2;tag=1x|1x",
                "<sip:a@example.com>;tag=1x;tag=2y|;tag=1x;tag=2y|1x",
                "\"A\" <sip:a@example.com>;tag=1x|;tag=1x|1x",
                "sip:a@example.com;tag=1x|;tag=1x|1x",
                "<sip:a@example.com>||"
            })
    void fromAndTo_builtLater_haveTheParametersAsWritten(String row) {
        String[] parts = row.split("\\|", -1);
        String text = "OPTIONS sip:b@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n"
                + "From: " + parts[0] + "\r\n"
                + "To: " + parts[0] + "\r\n"
                + "Call-ID: c1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
        SipMessage m = SipParser.ofDefaults().parse(text.getBytes(StandardCharsets.UTF_8));
        for (NameAddress a : new NameAddress[] {m.from().orElseThrow(), m.to().orElseThrow()}) {
            assertThat(a.parameters().toString()).isEqualTo(parts[1]);
            assertThat(a.tag().orElse("")).isEqualTo(parts[2]);
            assertThat(a.uri().toString()).isEqualTo("sip:a@example.com");
        }
    }

    // The userinfo of a sip URI (RFC 3261 25.1: user-unreserved, escapes, one colon before the
    // password) is what comes before the first '@'; without an '@' there is none, whatever the
    // bytes. Each row: user and password (empty: none) and host, or the error and its offset.
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "sip:alice@h|alice||h||",
                "sip:alice:pw@h|alice|pw|h||",
                "sip:a%41b@h|a%41b||h||",
                "sip:a:p%2A@h|a|p%2A|h||",
                "sip:h;x=a@b|h;x=a||b||",
                "sip:h;x|||h||",
                "sip:[::1]:5060|||[::1]||",
                "sip:a%4@h||||bad %-escape|5",
                "sip:a%zz@h||||bad %-escape|5",
                "sip:a%@h||||bad %-escape|5",
                "sip:a:b:c@h||||character not allowed in the user part|7",
                "sip:a[b@h||||character not allowed in the user part|5",
                "sip:a[b;x=@@h||||character not allowed in the user part|5",
                "sip:h%||||unexpected character in the URI|5",
                "sip:@h||||empty user part|4"
            })
    void userInfo_isWhatComesBeforeTheFirstAt_checkedByItsGrammar(
            String uri, String user, String password, String host, String error, Integer offset) {
        if (error != null) {
            assertThatThrownBy(() -> SipUri.parse(uri))
                    .isInstanceOfSatisfying(
                            SipParseException.class, e -> assertThat(e.offset()).isEqualTo(offset))
                    .hasMessageContaining(error);
            return;
        }
        SipUri u = SipUri.parse(uri);
        assertThat(u.user().orElse(null)).isEqualTo(user);
        assertThat(u.password().orElse(null)).isEqualTo(password);
        assertThat(u.host()).contains(host);
    }

    // The scan writes header positions into room its thread keeps, and gives each message exact copies:
    // a message parsed earlier on the thread keeps its own fields whatever is parsed after it, also
    // after more fields than the room held at first (it grows), more than it keeps (256), and a failure.
    @Test
    void headerFields_stayTheirMessages_whenTheThreadParsesOthers() {
        SipParser roomy = SipParser.withLimits(new SipLimits(65_536, 400, 8_192));
        SipMessage forty = roomy.parse(withExtraFields(40));
        SipMessage small = roomy.parse(withExtraFields(0));
        SipMessage many = roomy.parse(withExtraFields(300));
        assertThatThrownBy(() -> roomy.parse("OPTIONS sip:a@b SIP/2.0\r\nX-A: 1\r\nX-B: 2\r\nCSeq: x\r\n\r\n"
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SipParseException.class);
        SipMessage after = roomy.parse(withExtraFields(2));
        for (int extra : new int[] {40, 0, 300, 2}) {
            SipMessage m = extra == 40 ? forty : extra == 0 ? small : extra == 300 ? many : after;
            assertThat(m.headers()).hasSize(extra + 6);
            for (int i = 0; i < extra; i++) {
                assertThat(m.headers().get(5 + i)).isEqualTo(new Header("X-Field-" + i, "value " + i));
            }
            assertThat(m.headers().get(extra + 5)).isEqualTo(new Header("Content-Length", "0"));
            assertThat(m.callId()).contains("c" + extra);
            assertThat(m.body()).isEmpty();
            m.validate();
        }
    }

    private static byte[] withExtraFields(int n) {
        StringBuilder t = new StringBuilder("OPTIONS sip:b@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n"
                + "From: <sip:a@example.com>;tag=1\r\n"
                + "To: <sip:b@example.com>\r\n"
                + "Call-ID: c" + n + "\r\n"
                + "CSeq: 1 OPTIONS\r\n");
        for (int i = 0; i < n; i++) {
            t.append("X-Field-").append(i).append(": value ").append(i).append("\r\n");
        }
        return t.append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parseOwned_keepsTheCallersArray_andReadsAsACopyWould() {
        byte[] owned = INVITE.getBytes(StandardCharsets.UTF_8);
        SipMessage kept = SipParser.ofDefaults().parseOwned(owned);
        SipMessage copied = SipParser.ofDefaults().parse(owned.clone());
        kept.validate();
        assertThat(kept.headers()).isEqualTo(copied.headers());
        assertThat(kept.toBytes()).isEqualTo(copied.toBytes()).isEqualTo(owned);
        assertThat(kept.bodyText()).isEqualTo("v=0");
        // Not copied: the message reads the caller's array, which is why the caller must leave it be.
        owned[INVITE.indexOf("CSeq: 2") + 6] = '3';
        assertThat(kept.header("CSeq")).contains("3 INVITE");
        assertThat(copied.header("CSeq")).contains("2 INVITE");
        // The size limit is checked before anything is scanned, as for a copied datagram.
        SipParser small = SipParser.withLimits(new SipLimits(100, 10, 100));
        assertThatThrownBy(() -> small.parseOwned(owned))
                .isInstanceOfSatisfying(
                        SipParseException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
    }
}
