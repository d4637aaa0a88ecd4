package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.smpp.SmppPeer.Event;
import io.remotebank.channels.smpp.SmppPeer.Launcher;
import io.remotebank.channels.smpp.charset.LongMessageMode;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import io.remotebank.channels.spi.DeliveryReport;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our SMPP client ({@link SmppProvider}, through the {@code ChannelProvider} SPI) against SMSCs we did
 * not write: cloudhopper's and jSMPP's servers, each in a JVM of its own ({@link SmppPeer}). The
 * servers decode what we send with their own libraries and send receipts in their own formats.
 *
 * <p>One server of each kind serves the whole class; every test uses destination numbers of its own,
 * so its events are told apart from the others'.
 */
class SmppInteropIT {

    private static final String SYSTEM_ID = "rb";
    private static final String PASSWORD = "secret";
    private static final Map<Launcher, SmppPeer> SERVERS = new EnumMap<>(Launcher.class);
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    /** GSM 03.38 with the extension table (each of {@code {}[]~^|\€} costs two septets). */
    private static final String SHORT_GSM = "Code 493817 {ok} [1] ~^|\\ 10€ @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!";

    private static final String LONG_GSM = "Your one-time code is 493817 and it expires in 5 minutes. Never share it "
            + "with anyone: the bank will never ask for it by phone, e-mail or message. Brackets {[~]} and the euro "
            + "sign 10€ cost two septets each, so the split must keep each escape with its character.";

    private static final String SHORT_UCS2 = "您的验证码为493817，5分钟内有效。";

    private static final String LONG_UCS2 =
            "您的登录验证码为493817，5分钟内有效。请勿将验证码告诉任何人，银行工作人员不会向您索取验证码。" + "如非本人操作请忽略本短信，并及时联系客服热线。本短信由系统自动发送，请勿回复。";

    private final List<SmppProvider> providers = new ArrayList<>();

    @AfterEach
    void closeProviders() {
        providers.forEach(SmppProvider::close);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(SmppPeer::close);
        SERVERS.clear();
    }

    private static SmppPeer server(Launcher launcher) {
        synchronized (SERVERS) {
            return SERVERS.computeIfAbsent(launcher, l -> SmppPeer.smsc(l, SYSTEM_ID, PASSWORD));
        }
    }

    static Stream<Arguments> serversAndBinds() {
        List<Arguments> cases = new ArrayList<>();
        for (Launcher server : List.of(Launcher.CLOUDHOPPER_SMSC, Launcher.JSMPP_SMSC)) {
            for (BindType bind : BindType.values()) {
                cases.add(Arguments.of(server, bind));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("serversAndBinds")
    void binds_asEachType(Launcher launcher, BindType bind) throws Exception {
        SmppPeer smsc = server(launcher);
        String type = switch (bind) {
            case TRANSMITTER -> "TX";
            case RECEIVER -> "RX";
            case TRANSCEIVER -> "TRX";
        };
        int before = (int) smsc.events("BOUND").stream()
                .filter(e -> e.field(0).equals(type))
                .count();

        SmppProvider provider = connect(smsc, bind, LongMessageMode.UDH_8BIT_REFERENCE, new RecordingContext());

        assertThat(provider.isBound()).isTrue();
        Event bound =
                smsc.awaitAll("BOUND", e -> e.field(0).equals(type), before + 1).get(before);
        assertThat(bound.field(1)).isEqualTo(SYSTEM_ID);
    }

    static Stream<Arguments> messages() {
        List<Arguments> cases = new ArrayList<>();
        for (Launcher server : List.of(Launcher.CLOUDHOPPER_SMSC, Launcher.JSMPP_SMSC)) {
            cases.add(Arguments.of(server, SHORT_GSM, LongMessageMode.UDH_8BIT_REFERENCE, 0, 1, "none"));
            cases.add(Arguments.of(server, SHORT_UCS2, LongMessageMode.UDH_8BIT_REFERENCE, 8, 1, "none"));
            cases.add(Arguments.of(server, LONG_GSM, LongMessageMode.UDH_8BIT_REFERENCE, 0, 2, "udh8"));
            cases.add(Arguments.of(server, LONG_UCS2, LongMessageMode.UDH_8BIT_REFERENCE, 8, 2, "udh8"));
            cases.add(Arguments.of(server, LONG_GSM, LongMessageMode.UDH_16BIT_REFERENCE, 0, 2, "udh16"));
            cases.add(Arguments.of(server, LONG_UCS2, LongMessageMode.UDH_16BIT_REFERENCE, 8, 2, "udh16"));
            cases.add(Arguments.of(server, LONG_GSM, LongMessageMode.MESSAGE_PAYLOAD, 0, 1, "none"));
            cases.add(Arguments.of(server, LONG_UCS2, LongMessageMode.MESSAGE_PAYLOAD, 8, 1, "none"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2} data_coding {3}: {4} part(s)")
    @MethodSource("messages")
    void aMessage_reachesTheServerIntact_andItsReceiptIsCorrelated(
            Launcher launcher, String text, LongMessageMode mode, int dataCoding, int parts, String reference)
            throws Exception {
        SmppPeer smsc = server(launcher);
        RecordingContext context = new RecordingContext();
        SmppProvider provider = connect(smsc, BindType.TRANSCEIVER, mode, context);
        String number = number(false);

        String id = submitted(provider, number, text);

        Event message = smsc.await("MESSAGE", e -> e.field(2).endsWith(number));
        assertThat(message.text(6)).isEqualTo(text);
        assertThat(message.field(3)).isEqualTo(Integer.toString(dataCoding));
        assertThat(message.field(4)).isEqualTo(Integer.toString(parts));
        assertThat(message.field(5)).isEqualTo(reference);
        List<String> segmentIds = List.of(message.field(0).split(","));
        assertThat(id).isEqualTo(segmentIds.get(0));
        smsc.awaitAll("RECEIPT", e -> segmentIds.contains(e.field(0)), parts);
        DeliveryReport report = awaitReport(context, id);
        assertThat(report.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(context.reports)
                .extracting(DeliveryReport::providerMessageId)
                .containsOnlyOnce(id);
    }

    @ParameterizedTest
    @EnumSource(
            value = Launcher.class,
            names = {"CLOUDHOPPER_SMSC", "JSMPP_SMSC"})
    void anUndeliveredReceipt_failsTheMessage(Launcher launcher) throws Exception {
        SmppPeer smsc = server(launcher);
        RecordingContext context = new RecordingContext();
        SmppProvider provider = connect(smsc, BindType.TRANSCEIVER, LongMessageMode.UDH_8BIT_REFERENCE, context);

        String id = submitted(provider, number(true), LONG_GSM);

        DeliveryReport report = awaitReport(context, id);
        assertThat(report.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(report.error()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(
            value = Launcher.class,
            names = {"CLOUDHOPPER_SMSC", "JSMPP_SMSC"})
    void receiptsOfATransmitterBind_reachAReceiverBindOfTheSameAccount(Launcher launcher) throws Exception {
        SmppPeer smsc = server(launcher);
        RecordingContext receiverContext = new RecordingContext();
        connect(smsc, BindType.RECEIVER, LongMessageMode.UDH_8BIT_REFERENCE, receiverContext);
        RecordingContext transmitterContext = new RecordingContext();
        SmppProvider transmitter =
                connect(smsc, BindType.TRANSMITTER, LongMessageMode.UDH_8BIT_REFERENCE, transmitterContext);

        String id = submitted(transmitter, number(false), SHORT_GSM);

        assertThat(awaitReport(receiverContext, id).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(transmitterContext.reports).isEmpty();
    }

    static Stream<Arguments> moMessages() {
        List<Arguments> cases = new ArrayList<>();
        for (Launcher server : List.of(Launcher.CLOUDHOPPER_SMSC, Launcher.JSMPP_SMSC)) {
            for (BindType bind : List.of(BindType.RECEIVER, BindType.TRANSCEIVER)) {
                cases.add(Arguments.of(server, bind, "GSM", "TD"));
                cases.add(Arguments.of(server, bind, "GSM", LONG_GSM));
                cases.add(Arguments.of(server, bind, "UCS2", LONG_UCS2));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("moMessages")
    void anMoMessage_arrivesAsOneInboundMessage(Launcher launcher, BindType bind, String alphabet, String text)
            throws Exception {
        SmppPeer smsc = server(launcher);
        RecordingContext context = new RecordingContext();
        connect(smsc, bind, LongMessageMode.UDH_8BIT_REFERENCE, context);
        String from = "86" + number(false);
        int sent = smsc.events("MO_SENT").size();
        int answered = smsc.events("DELIVER_RESP").size();

        smsc.send("MO", SYSTEM_ID, from, "10690001", alphabet, SmppPeer.field(text));

        int parts = Integer.parseInt(
                smsc.awaitAll("MO_SENT", e -> true, sent + 1).get(sent).field(0));
        assertThat(parts).isEqualTo(text.length() > 70 ? 2 : 1);
        // every deliver_sm answered ESME_ROK (also those of the other tests: none may be refused)
        assertThat(smsc.awaitAll("DELIVER_RESP", e -> true, answered + parts))
                .extracting(e -> e.field(0))
                .containsOnly("0");
        SmppProviderTest.waitFor(() ->
                context.inbound.stream().anyMatch(m -> m.from().equals(Address.Msisdn.of("+" + from))));
        InboundMessage message = context.inbound.get(0);
        assertThat(context.inbound).hasSize(1);
        assertThat(message.text()).isEqualTo(text);
        assertThat(message.to()).isEqualTo("10690001");
    }

    private SmppProvider connect(SmppPeer smsc, BindType bind, LongMessageMode mode, RecordingContext context)
            throws Exception {
        SmppProvider provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", smsc.port())
                .name("smpp:peer")
                .credentials(SYSTEM_ID, PASSWORD.toCharArray())
                .bindType(bind)
                .sourceAddress(new SmeAddress(5, 0, "BANK"))
                .longMessages(mode)
                .registeredDelivery(true)
                .build());
        int bound = smsc.events("BOUND").size();
        providers.add(provider);
        provider.start(context);
        provider.bound().toCompletableFuture().get(20, TimeUnit.SECONDS);
        // The peer registers the session after it has sent bind_resp: until its BOUND event, a command
        // to it (an MO for this bind) can find no session (a race seen in CI with cloudhopper's server).
        smsc.awaitAll("BOUND", e -> true, bound + 1);
        return provider;
    }

    private static String submitted(SmppProvider provider, String number, String text) throws Exception {
        SubmitResult result = provider.submit(new Submission(
                        MessageId.random(),
                        Address.Msisdn.of(number),
                        Category.OTP,
                        new ProviderContent.Text(text),
                        1,
                        Optional.empty()))
                .toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(SubmitResult.Submitted.class);
        return ((SubmitResult.Submitted) result).providerMessageId();
    }

    private static DeliveryReport awaitReport(RecordingContext context, String id) throws InterruptedException {
        SmppProviderTest.waitFor(() ->
                context.reports.stream().anyMatch(r -> r.providerMessageId().equals(id)));
        return context.reports.stream()
                .filter(r -> r.providerMessageId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** A mainland mobile number of this test's own; one ending in 99 gets an UNDELIV receipt. */
    private static String number(boolean undeliverable) {
        return String.format("1390%05d%s", NUMBERS.incrementAndGet(), undeliverable ? "99" : "01");
    }
}
