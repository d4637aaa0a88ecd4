package io.remotebank.channels.smpp;

import static io.remotebank.channels.smpp.SmppProviderTest.sms;
import static io.remotebank.channels.smpp.SmppProviderTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.smpp.HostileSmsc.BindAnswer;
import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.SubmitResult;
import io.remotebank.testsupport.logging.CapturedLogs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security tester's floods, bounded: a hostile SMSC (raw sockets, loopback) floods the client
 * with requests and never reads the answers; a hostile ESME does the same to the simulator. Without
 * back-pressure each side reads on and queues answers without end (GBs in seconds); with it, each
 * stops reading, so the flood stalls after what the sockets buffer, and carries on afterwards.
 * {@code SmppFloodSoakIT} runs the long form.
 */
class SmppFloodTest {

    /** What the flood may write: far more than any socket buffers, so a side that never stops reading spends it. */
    static final long BUDGET = 128L * 1024 * 1024;

    /**
     * What a side that stops reading lets through before the flood stalls: the kernel's buffers (the
     * receiving side's grows up to net.ipv4.tcp_rmem's maximum, 32 MiB here) and one read's answers.
     */
    static final long BOUND = 48L * 1024 * 1024;

    /** No octet taken for this long: the other side has stopped reading. */
    static final Duration STALL = Duration.ofSeconds(1);

    static final Duration WAIT = Duration.ofSeconds(60);

    /** The requests an SMSC may flood a client with. */
    enum SmscFlood {
        ENQUIRE_LINK(new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK, 0, 7), CommandId.ENQUIRE_LINK_RESP),
        DELIVER_SM(mo(), CommandId.DELIVER_SM_RESP);

        final Pdu request;
        final CommandId answer;

        SmscFlood(Pdu request, CommandId answer) {
            this.request = request;
            this.answer = answer;
        }
    }

    /** The requests an ESME may flood an SMSC with. */
    enum EsmeFlood {
        ENQUIRE_LINK(new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK, 0, 7), CommandId.ENQUIRE_LINK_RESP),
        SUBMIT_SM(submit(), CommandId.SUBMIT_SM_RESP);

        final Pdu request;
        final CommandId answer;

        EsmeFlood(Pdu request, CommandId answer) {
            this.request = request;
            this.answer = answer;
        }
    }

    static Pdu.ShortMessage mo() {
        return new Pdu.ShortMessage(
                CommandId.DELIVER_SM,
                9,
                "",
                SmeAddress.international("+8613800000000"),
                new SmeAddress(0, 1, "95588"),
                0,
                0,
                0,
                "",
                "",
                0,
                0,
                0,
                0,
                "TD".getBytes(StandardCharsets.US_ASCII),
                List.of());
    }

    static Pdu.ShortMessage submit() {
        return new Pdu.ShortMessage(
                CommandId.SUBMIT_SM,
                9,
                "",
                new SmeAddress(5, 0, "BANK"),
                SmeAddress.international("+8613800000000"),
                0,
                0,
                0,
                "",
                "",
                0,
                0,
                0,
                0,
                "flood".getBytes(StandardCharsets.US_ASCII),
                List.of());
    }

    /** Counts what the provider passes on; keeps nothing (a flood brings hundreds of thousands). */
    static final class CountingContext implements ProviderContext {
        final LongAdder reports = new LongAdder();
        final LongAdder inbound = new LongAdder();

        @Override
        public void report(DeliveryReport report) {
            reports.increment();
        }

        @Override
        public void receive(InboundMessage message) {
            inbound.increment();
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }
    }

    private static ResourceLeakDetector.Level leakDetection;

    /**
     * A flood is hundreds of thousands of PDUs: with the build's paranoid leak detection (a stack
     * trace recorded at every buffer access) the client would take minutes to fill the kernel's
     * socket buffers, and one read batch could hold its event loop long enough to look like a stall.
     * Netty's default sampling stays on; the handlers' own buffer handling is checked under paranoid
     * detection in {@code WriteBackPressureTest}.
     */
    @BeforeAll
    static void sampleLeaksOnly() {
        leakDetection = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    }

    @AfterAll
    static void restoreLeakDetection() {
        ResourceLeakDetector.setLevel(leakDetection);
    }

    private HostileSmsc hostile;
    private SmscSimulator smsc;
    private SmppProvider provider;
    private RawPeer esme;

    @AfterEach
    void close() {
        if (provider != null) {
            provider.close();
        }
        if (esme != null) {
            esme.close();
        }
        if (hostile != null) {
            hostile.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private SmppProvider connect(SmppClientConfig.Builder b, ProviderContext context) throws Exception {
        provider = SmppProvider.create(b.build());
        provider.start(context);
        provider.bound().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return provider;
    }

    private static SmppClientConfig.Builder quietClient(int port) {
        // No keep-alive or response timeout during the test: what stops the flood is back-pressure alone.
        return SmppClientConfig.builder("127.0.0.1", port)
                .credentials("bank", "secret".toCharArray())
                .enquireLinkInterval(Duration.ofHours(1))
                .responseTimeout(Duration.ofMinutes(2))
                .reconnectDelay(Duration.ofMillis(5), Duration.ofMillis(50));
    }

    @Test
    void smscFloodingEnquireLink_withoutReading_isNoLongerReadFrom_andTheClientCarriesOnAfterwards() throws Exception {
        smscFlood(SmscFlood.ENQUIRE_LINK, Duration.ZERO);
    }

    /**
     * One flood of the client, and what must hold: it stops reading, what it took stays bounded
     * however long the flood goes on, and afterwards it answers every request and sends as before.
     * {@code SmppFloodSoakIT} runs each kind for 15 s; this class runs one until it stalls.
     *
     * @param floodFor how long the flood goes on after it stalled (zero: it ends at the stall)
     */
    void smscFlood(SmscFlood flood, Duration floodFor) throws Exception {
        hostile = HostileSmsc.start(new BindAnswer.Accept());
        CountingContext context = new CountingContext();
        connect(quietClient(hostile.port()), context);
        RawPeer peer = hostile.nextBound(WAIT);

        peer.flood(flood.request, BUDGET, STALL);

        assertThat(peer.awaitStall(WAIT))
                .as("the client stopped reading the flood (%d octets taken)", peer.written())
                .isTrue();
        assertThat(peer.writtenAtStall()).isLessThan(BOUND);
        assertThat(peer.awaitEnd(floodFor)).as("the flood goes on").isEqualTo(RawPeer.End.RUNNING);
        assertThat(peer.written()).isLessThan(BOUND);
        assertThat(provider.statistics().readPauses()).isPositive();
        assertThat(provider.statistics().overflowCloses()).isZero();

        // Once the SMSC reads, the client reads on, answers every request and sends as before.
        peer.serve();
        long requests = peer.pdusWritten();
        waitFor(() -> peer.read(flood.answer) == requests);
        assertThat(provider.submit(sms("after the flood")).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(SubmitResult.Submitted.class);
        if (flood == SmscFlood.DELIVER_SM) {
            waitFor(() -> context.inbound.sum() == requests);
        }
        assertThat(provider.statistics().binds()).isEqualTo(1);
    }

    @Test
    void smscThatFloodsAndNeverReads_losesTheLinkToTheKeepAlive_andTheClientBindsAgain() throws Exception {
        hostile = HostileSmsc.start(new BindAnswer.Accept());
        connect(
                quietClient(hostile.port())
                        .enquireLinkInterval(Duration.ofMillis(200))
                        .responseTimeout(Duration.ofMillis(200)),
                new CountingContext());
        RawPeer first = hostile.nextBound(WAIT);

        first.flood(SmscFlood.ENQUIRE_LINK.request, BUDGET, STALL);

        // Paused, the client reads no enquire_link_resp either: its keep-alive ends the link.
        assertThat(first.awaitClosed(WAIT)).as("the client closed the link").isTrue();
        RawPeer second = hostile.nextBound(WAIT).serve();
        waitFor(provider::isBound);
        assertThat(provider.submit(sms("after the flood")).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(SubmitResult.Submitted.class);
        assertThat(second.read(CommandId.SUBMIT_SM)).isEqualTo(1);
        assertThat(provider.statistics().binds()).isEqualTo(2);
    }

    @Test
    void aFloodOfMalformedPdus_isAnsweredEach_butLogsTheFirstFewAndACount() throws Exception {
        hostile = HostileSmsc.start(new BindAnswer.Accept());
        connect(quietClient(hostile.port()), new CountingContext());
        RawPeer peer = hostile.nextBound(WAIT);
        CapturedLogs.drain();

        // 2,043 PDUs with a command_id SMPP 3.4 does not define: each is answered generic_nack ESME_RINVCMDID.
        int n = 2_043;
        ByteBuffer junk = ByteBuffer.allocate(16 * n);
        for (int i = 1; i <= n; i++) {
            junk.putInt(16).putInt(0x00000077).putInt(0).putInt(i);
        }
        peer.send(junk.array());
        peer.serve();
        waitFor(() -> peer.read(CommandId.GENERIC_NACK) == n);

        List<String> warnings = CapturedLogs.drain().stream()
                .filter(l ->
                        l.logger().endsWith("SmppClientEngine") && l.level().equals("WARN"))
                .map(CapturedLogs.Line::text)
                .toList();
        // Ten lines, and (should the run straddle an interval) a count of the rest.
        assertThat(warnings.stream().filter(t -> t.contains("bad PDU from the SMSC")))
                .hasSize(10);
        assertThat(warnings).hasSizeLessThanOrEqualTo(11);
    }

    @Test
    void esmeFloodingSubmitSm_withoutReading_isNoLongerReadFrom_andTheSimulatorServesOthers() throws Exception {
        esmeFlood(EsmeFlood.SUBMIT_SM, Duration.ZERO);
    }

    /**
     * One flood of the simulator, and what must hold ({@code SmppFloodSoakIT} runs each kind for 20
     * s).
     *
     * @param floodFor how long the flood goes on after it stalled (zero: it ends at the stall)
     */
    void esmeFlood(EsmeFlood flood, Duration floodFor) throws Exception {
        smsc = SmscSimulator.builder()
                .receipts(false, Duration.ZERO, DeliveryReceipt.State.DELIVERED)
                .recordLimit(0)
                .build()
                .start();
        esme = RawPeer.bindTo(smsc.port(), CommandId.BIND_TRANSCEIVER, "hostile");

        esme.flood(flood.request, BUDGET, STALL);

        assertThat(esme.awaitStall(WAIT))
                .as("the simulator stopped reading the flood (%d octets taken)", esme.written())
                .isTrue();
        assertThat(esme.writtenAtStall()).isLessThan(BOUND);
        assertThat(esme.awaitEnd(floodFor)).as("the flood goes on").isEqualTo(RawPeer.End.RUNNING);
        assertThat(esme.written()).isLessThan(BOUND);
        assertThat(smsc.statistics().readPauses()).isPositive();

        // The simulator still serves a well-behaved client meanwhile...
        connect(quietClient(smsc.port()), new CountingContext());
        assertThat(provider.submit(sms("beside the flood"))
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS))
                .isInstanceOf(SubmitResult.Submitted.class);
        // ...and answers every request of the flood once its sender reads.
        esme.serve();
        long requests = esme.pdusWritten();
        waitFor(() -> esme.read(flood.answer) == requests);
        assertThat(smsc.statistics().overflowCloses()).isZero();
    }

    @Test
    void aReceiverThatNeverReads_isDisconnectedPastTheHardLimit_andTheOthersCarryOn() throws Exception {
        smsc = SmscSimulator.builder()
                .outboundLimits(1024, 4096, 64 * 1024)
                .recordLimit(0)
                .build()
                .start();
        // A receiver bind that reads nothing: no read paces what the simulator sends it.
        esme = RawPeer.bindTo(smsc.port(), CommandId.BIND_RECEIVER, "bank");
        String longText = "Your statement is ready. ".repeat(40); // 7 deliver_sm a message

        int sent = 0;
        while (smsc.statistics().overflowCloses() == 0 && sent < 100_000) {
            smsc.sendMo("+8613800000000", "95588", longText);
            sent++;
        }

        assertThat(smsc.statistics().overflowCloses()).isEqualTo(1);
        assertThat(esme.serve().awaitClosed(WAIT))
                .as("the receiver was disconnected")
                .isTrue();
        connect(quietClient(smsc.port()), new CountingContext());
        assertThat(provider.submit(sms("after")).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(SubmitResult.Submitted.class);
    }
}
