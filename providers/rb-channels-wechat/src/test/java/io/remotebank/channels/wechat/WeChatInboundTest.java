package io.remotebank.channels.wechat;

import static io.remotebank.channels.wechat.Callbacks.APP_ID;
import static io.remotebank.channels.wechat.Callbacks.OPEN_ID;
import static io.remotebank.channels.wechat.Callbacks.crypt;
import static io.remotebank.channels.wechat.Callbacks.safePost;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Address;
import io.remotebank.channels.AddressDirectory;
import io.remotebank.channels.InboundKind;
import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.Messaging;
import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentRegistries;
import io.remotebank.core.consent.ConsentState;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.testing.InMemoryTrail;
import io.remotebank.testing.ManualTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Callbacks through the endpoint into Messaging: kinds, MsgId de-duplication, unsubscribe as opt-out. */
class WeChatInboundTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final CustomerId ALICE = CustomerId.of("C1001");
    private static final Address.WeChatOpenId FOLLOWER = new Address.WeChatOpenId(APP_ID, OPEN_ID);

    private final ManualTime time = ManualTime.at(Callbacks.NOW);
    private final InMemoryTrail audit = InMemoryTrail.open(time);
    private final ConsentRegistry consent = ConsentRegistries.inMemory();
    private final AddressDirectory directory = new AddressDirectory().put(ALICE, FOLLOWER);
    private final OutboxStore store = OutboxStores.h2InMemory("wechat_inbound_" + DATABASES.incrementAndGet());
    private final Messaging messaging = Messaging.builder()
            .store(store)
            .provider(SimulatedProvider.builder()
                    .name("simulator")
                    .channels(ContactChannel.WECHAT)
                    .build())
            .auditTrail(audit.trail())
            .consentRegistry(consent)
            .addressResolver(directory)
            .clock(time.clock())
            .build();
    private final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
    private final CallbackEndpoint endpoint;

    WeChatInboundTest() {
        messaging.addInboundListener(inbound::add);
        CallbackConfig config = Callbacks.officialAccount(CallbackMode.SAFE).build();
        // tag::inbound[]
        WeChatInbound inbound = WeChatInbound.builder(Platform.OFFICIAL_ACCOUNT, APP_ID, messaging::receive)
                .clock(time.clock()) // also de-duplicates retried MsgIds for ten minutes
                .build();
        endpoint = CallbackEndpoint.of(config, inbound);
        // end::inbound[]
    }

    @AfterEach
    void close() throws Exception {
        messaging.close();
        store.close();
        audit.close();
    }

    private static String xml(String msgType, String extra) {
        return "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[" + OPEN_ID
                + "]]></FromUserName><CreateTime>" + Callbacks.timestamp() + "</CreateTime><MsgType><![CDATA["
                + msgType + "]]></MsgType>" + extra + "</xml>";
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(
                        xml("text", "<Content><![CDATA[我的信用卡额度]]></Content><MsgId>5001</MsgId>"),
                        InboundKind.TEXT,
                        "我的信用卡额度",
                        "5001"),
                Arguments.of(
                        xml(
                                "image",
                                "<PicUrl><![CDATA[http://mmbiz.example/pic]]></PicUrl>"
                                        + "<MediaId><![CDATA[media_1]]></MediaId><MsgId>5002</MsgId>"),
                        InboundKind.IMAGE,
                        "",
                        "5002"),
                Arguments.of(
                        xml(
                                "voice",
                                "<MediaId><![CDATA[media_2]]></MediaId><Format><![CDATA[amr]]></Format>"
                                        + "<Recognition><![CDATA[查询余额]]></Recognition><MsgId>5003</MsgId>"),
                        InboundKind.VOICE,
                        "查询余额",
                        "5003"),
                Arguments.of(
                        xml(
                                "location",
                                "<Location_X>31.23</Location_X><Location_Y>121.47</Location_Y>"
                                        + "<Scale>15</Scale><Label><![CDATA[Lujiazui]]></Label><MsgId>5004</MsgId>"),
                        InboundKind.LOCATION,
                        "",
                        "5004"),
                Arguments.of(xml("event", "<Event><![CDATA[subscribe]]></Event>"), InboundKind.SUBSCRIBE, "", null),
                Arguments.of(
                        xml("event", "<Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[BALANCE]]></EventKey>"),
                        InboundKind.MENU_CLICK,
                        "",
                        null),
                Arguments.of(
                        xml(
                                "event",
                                "<Event><![CDATA[SCAN]]></Event><EventKey><![CDATA[123]]></EventKey>"
                                        + "<Ticket><![CDATA[tk]]></Ticket>"),
                        InboundKind.SCAN,
                        "",
                        null),
                Arguments.of(
                        xml(
                                "event",
                                "<Event><![CDATA[LOCATION]]></Event><Latitude>31.23</Latitude>"
                                        + "<Longitude>121.47</Longitude><Precision>65</Precision>"),
                        InboundKind.LOCATION,
                        "",
                        null),
                Arguments.of(
                        xml(
                                "event",
                                "<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>200163836</MsgID>"
                                        + "<Status><![CDATA[success]]></Status>"),
                        InboundKind.TEMPLATE_SEND_FINISHED,
                        "",
                        null));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("messages")
    void callback_becomesAnInboundMessage_withItsKindAndCustomer(
            String xml, InboundKind kind, String text, String msgId) {
        CallbackResponse response = endpoint.apply(safePost(crypt(), xml, "k" + kind));

        assertThat(response.status()).isEqualTo(200);
        assertThat(inbound).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(kind);
            assertThat(m.text()).isEqualTo(text);
            assertThat(m.from()).isEqualTo(FOLLOWER);
            assertThat(m.customer()).contains(ALICE);
            assertThat(m.providerMessageId()).isEqualTo(java.util.Optional.ofNullable(msgId));
            assertThat(m.provider()).isEqualTo("wechat:" + APP_ID);
            assertThat(m.toString()).doesNotContain(OPEN_ID);
        });
    }

    @Test
    void templateFinished_keepsItsStatusAndMsgIdAsAttributes() {
        endpoint.apply(safePost(
                crypt(),
                xml(
                        "event",
                        "<Event>TEMPLATESENDJOBFINISH</Event><MsgID>200163836</MsgID><Status>failed:user block</Status>"),
                "t1"));

        assertThat(inbound)
                .singleElement()
                .satisfies(m -> assertThat(m.attributes())
                        .containsEntry("Status", "failed:user block")
                        .containsEntry("MsgID", "200163836"));
    }

    @Test
    void sameMsgId_retriedByWeChat_isDeliveredOnce() {
        String message = xml("text", "<Content>hello</Content><MsgId>6001</MsgId>");

        // WeChat's retries are new requests (new nonce, same message).
        endpoint.apply(safePost(crypt(), message, "r1"));
        endpoint.apply(safePost(crypt(), message, "r2"));
        CallbackResponse third = endpoint.apply(safePost(crypt(), message, "r3"));

        assertThat(third.bodyText()).isEqualTo("success");
        assertThat(inbound).hasSize(1);
    }

    @Test
    void sameEvent_retried_isDeliveredOnce() {
        String event = xml("event", "<Event>CLICK</Event><EventKey>BALANCE</EventKey>");

        endpoint.apply(safePost(crypt(), event, "e1"));
        endpoint.apply(safePost(crypt(), event, "e2"));

        assertThat(inbound).hasSize(1);
    }

    @Test
    void unsubscribe_withdrawsMarketingWeChatConsent_andReachesNoListener() {
        consent.record(ConsentRecord.granted(
                ALICE,
                ConsentPurpose.MARKETING_WECHAT,
                Callbacks.NOW.minusSeconds(86_400),
                ContactChannel.WECHAT,
                "form"));

        CallbackResponse response =
                endpoint.apply(safePost(crypt(), xml("event", "<Event><![CDATA[unsubscribe]]></Event>"), "u1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(inbound).isEmpty();
        assertThat(consent.current(ALICE, ConsentPurpose.MARKETING_WECHAT))
                .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(ConsentState.WITHDRAWN));
        assertThat(audit.actions()).contains("channels.optout.recorded");
        assertThat(String.join("\n", audit.events())).doesNotContain(OPEN_ID);
    }

    @Test
    void senderIdThatNoAddressCanHold_isRefusedWith400() {
        String bad = "<xml><ToUserName>gh</ToUserName><FromUserName><![CDATA[bad id!]]></FromUserName>"
                + "<MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>";

        CallbackResponse response = endpoint.apply(safePost(crypt(), bad, "b1"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(inbound).isEmpty();
    }

    @Test
    void customerServiceReply_goesWithinFortyEightHoursOfTheCallback_andIsSuppressedAfter() {
        io.remotebank.channels.Message reply = io.remotebank.channels.Message.builder(
                        io.remotebank.channels.Recipient.of(FOLLOWER),
                        io.remotebank.channels.Category.NOTIFICATION,
                        "cs-1")
                .text("您好，已为您处理")
                .build();
        assertThat(messaging.send(reply))
                .isInstanceOfSatisfying(
                        io.remotebank.channels.SendResult.Suppressed.class,
                        s -> assertThat(s.reason()).isEqualTo(io.remotebank.channels.SuppressionReason.SERVICE_WINDOW));

        endpoint.apply(safePost(crypt(), xml("text", "<Content>人工</Content><MsgId>7001</MsgId>"), "w1"));
        time.advance(Duration.ofHours(47));
        io.remotebank.channels.Message second = io.remotebank.channels.Message.builder(
                        io.remotebank.channels.Recipient.of(FOLLOWER),
                        io.remotebank.channels.Category.NOTIFICATION,
                        "cs-2")
                .text("还有什么可以帮您")
                .build();

        assertThat(messaging.send(second)).isInstanceOf(io.remotebank.channels.SendResult.Accepted.class);
    }
}
