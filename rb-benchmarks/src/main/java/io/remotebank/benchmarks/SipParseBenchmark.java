package io.remotebank.benchmarks;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.remotebank.signaling.sip.Header;
import io.remotebank.signaling.sip.SipMessage;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.Via;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Our SIP parser beside JAIN-SIP RI 1.3.0-91 ({@code StringMsgParser}, eager) on the same bytes, in
 * three scenarios. Both sides take the array as it is: JAIN-SIP's parser reads the caller's array
 * without copying it, and ours is given it through {@code SipParser.parseOwned}, which keeps it
 * instead of a copy. The scenarios are: (a) parse and read every header value (ours: {@code
 * validate()}, which parses every known field, plus the value of every field as a String, the Via
 * and Contact lists, the Content-Type and a copy of the body; JAIN-SIP has parsed everything
 * already: the value of every header it parsed as a String through {@code HeaderExt.getValue()},
 * and the same Via, Contact, Content-Type and body getters); (b) parse and serialize; (c) what a
 * proxy reads: top Via branch, Call-ID, CSeq, From and To tags. Two messages: an INVITE with an
 * SDP offer (about 800 bytes) and a 200 OK.
 *
 * <p>Two methods are kept so that earlier readings stay comparable: {@code jainSipParseWalkHeaders}
 * is JAIN-SIP's side of (a) as it was before 2026-11-29 (its header objects walked, no value read),
 * and {@code remotebankCopyingParseReadAll} is our side of (a) as it was until 2026-11-29, through
 * {@code SipParser.parse(byte[])}, which first copies the array.
 *
 * <p>8 methods x 2 messages x 1 fork x (3 + 5) s: about 2.5 minutes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SipParseBenchmark {

    static final String SDP = "v=0\r\n"
            + "o=- 3916734583 3916734583 IN IP4 198.51.100.23\r\n"
            + "s=-\r\n"
            + "c=IN IP4 198.51.100.23\r\n"
            + "t=0 0\r\n"
            + "m=audio 40000 RTP/AVP 111 0 8 101\r\n"
            + "a=rtpmap:111 opus/48000/2\r\n"
            + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=sendrecv\r\n";

    static final String INVITE = "INVITE sip:agent-1042@video.bank.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/TLS 198.51.100.23:5061;branch=z9hG4bK-524287-1---d7a2c1f0b3e4;rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "Contact: <sip:customer@198.51.100.23:5061;transport=tls>\r\n"
            + "To: <sip:agent-1042@video.bank.example.com>\r\n"
            + "From: \"Customer\" <sip:customer@bank.example.com>;tag=8a3f9c21\r\n"
            + "Call-ID: 5f0e8c7d2b9a4e61b3c8@198.51.100.23\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE\r\n"
            + "Supported: timer, replaces\r\n"
            + "User-Agent: RemoteBank-VideoCounter/1.0\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: " + SDP.length() + "\r\n"
            + "\r\n"
            + SDP;

    static final String OK = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/TLS 198.51.100.23:5061;branch=z9hG4bK-524287-1---d7a2c1f0b3e4;rport=5061;"
            + "received=198.51.100.23\r\n"
            + "Contact: <sip:agent-1042@203.0.113.10:5061;transport=tls>\r\n"
            + "To: <sip:agent-1042@video.bank.example.com>;tag=71c2e9a4\r\n"
            + "From: \"Customer\" <sip:customer@bank.example.com>;tag=8a3f9c21\r\n"
            + "Call-ID: 5f0e8c7d2b9a4e61b3c8@198.51.100.23\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n";

    @Param({"invite", "ok"})
    String message;

    byte[] bytes;
    SipParser parser;
    StringMsgParser jainSip;

    @Setup
    public void setUp() throws Exception {
        bytes = ("invite".equals(message) ? INVITE : OK).getBytes(StandardCharsets.UTF_8);
        parser = SipParser.ofDefaults();
        jainSip = new StringMsgParser();
        // Both parse the message the same way before anything is measured.
        SipMessage ours = parser.parse(bytes);
        SIPMessage theirs = jainSip.parseSIPMessage(bytes, true, false, null);
        if (!ours.callId().orElseThrow().equals(theirs.getCallId().getCallId())) {
            throw new IllegalStateException("parsers disagree");
        }
    }

    // (a) parse and read every header value

    @Benchmark
    public void remotebankParseReadAll(Blackhole bh) {
        readAll(parser.parseOwned(bytes), bh);
    }

    /** Our side of (a) until 2026-11-29: {@code parse(byte[])} copies the array before it scans. */
    @Benchmark
    public void remotebankCopyingParseReadAll(Blackhole bh) {
        readAll(parser.parse(bytes), bh);
    }

    private static void readAll(SipMessage m, Blackhole bh) {
        m.validate();
        for (Header h : m.headers()) {
            bh.consume(h.value());
        }
        bh.consume(m.vias());
        bh.consume(m.contacts());
        bh.consume(m.contentType());
        bh.consume(m.body());
    }

    @Benchmark
    public void jainSipParseReadAll(Blackhole bh) throws Exception {
        SIPMessage m = jainSip.parseSIPMessage(bytes, true, false, null);
        Iterator<SIPHeader> it = m.getHeaders();
        while (it.hasNext()) {
            // HeaderExt.getValue(): the value of each header field as a String, as ours gives.
            bh.consume(it.next().getValue());
        }
        consumeParsedFields(m, bh);
    }

    /** The fields both JAIN-SIP sides of (a) read after the headers, as ours reads them. */
    private static void consumeParsedFields(SIPMessage m, Blackhole bh) {
        bh.consume(m.getViaHeaders());
        bh.consume(m.getContactHeader());
        bh.consume(m.getContentTypeHeader());
        bh.consume(m.getRawContent());
    }

    /** JAIN-SIP's side of (a) before 2026-11-29: its parsed header objects walked, no value read. */
    @Benchmark
    public void jainSipParseWalkHeaders(Blackhole bh) throws Exception {
        SIPMessage m = jainSip.parseSIPMessage(bytes, true, false, null);
        Iterator<SIPHeader> it = m.getHeaders();
        while (it.hasNext()) {
            bh.consume(it.next());
        }
        consumeParsedFields(m, bh);
    }

    // (b) parse and serialize

    @Benchmark
    public byte[] remotebankParseSerialize() {
        return parser.parseOwned(bytes).toBytes();
    }

    @Benchmark
    public byte[] jainSipParseSerialize() throws Exception {
        return jainSip.parseSIPMessage(bytes, true, false, null).encodeAsBytes("TLS");
    }

    // (c) what a proxy needs

    @Benchmark
    public void remotebankProxyFields(Blackhole bh) {
        SipMessage m = parser.parseOwned(bytes);
        Via top = m.topVia().orElseThrow();
        bh.consume(top.branch());
        bh.consume(m.callId());
        bh.consume(m.cseq());
        bh.consume(m.fromTag());
        bh.consume(m.toTag());
    }

    @Benchmark
    public void jainSipProxyFields(Blackhole bh) throws Exception {
        SIPMessage m = jainSip.parseSIPMessage(bytes, true, false, null);
        bh.consume(m.getTopmostVia().getBranch());
        bh.consume(m.getCallId().getCallId());
        bh.consume(m.getCSeq().getSeqNumber());
        bh.consume(m.getFrom().getTag());
        bh.consume(m.getTo().getTag());
    }
}
