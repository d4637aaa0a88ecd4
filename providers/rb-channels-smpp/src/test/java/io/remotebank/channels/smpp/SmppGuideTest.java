package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.Message;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.Messaging;
import io.remotebank.channels.Recipient;
import io.remotebank.channels.SendResult;
import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.smpp.charset.DefaultAlphabet;
import io.remotebank.channels.smpp.charset.LongMessageMode;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.KeyProvider;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/rb-channels-smpp.md, compiled and run. */
class SmppGuideTest {

    @TempDir
    Path dir;

    private SmscSimulator smsc;
    private OutboxStore outbox;
    private Messaging messaging;

    @AfterEach
    void close() throws Exception {
        if (messaging != null) {
            messaging.close();
        }
        if (outbox != null) {
            outbox.close();
        }
        smsc.close();
    }

    @Test
    void anOtpGoesThroughTheSmscAndIsDelivered() throws Exception {
        KeyProvider keys = KeyProviders.inMemory();
        keys.generate(KeyId.of("audit/signer"), CryptoSuite.international().signingKeyType());
        AuditTrail trail = AuditTrail.builder(AuditStores.inMemory())
                .signer(keys, KeyId.of("audit/signer"))
                .open();
        outbox = OutboxStores.h2(dir.resolve("outbox"));

        // tag::simulator[]
        smsc = SmscSimulator.builder()
                .listen("127.0.0.1", 0) // an ephemeral port
                .throttleRate(0.05) // 5% of submissions answered ESME_RTHROTTLED
                .receipts(true, Duration.ofMillis(50), DeliveryReceipt.State.DELIVERED)
                .build()
                .start();
        int port = smsc.port();
        // end::simulator[]

        char[] password = "s3cret".toCharArray();
        // tag::provider[]
        SmppProvider smpp = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", port)
                .name("smpp:carrier-a")
                .credentials("bank01", password) // copied; clear your array afterwards
                .bindType(BindType.TRANSCEIVER) // receipts and MO messages on the same bind
                .sourceAddress(new SmeAddress(5, 0, "MyBank")) // alphanumeric sender
                .windowSize(64)
                .responseTimeout(Duration.ofSeconds(10))
                .maxRate(200, 20) // the carrier's contract: 200 submit_sm/s
                .defaultAlphabet(DefaultAlphabet.GSM7) // what data_coding 0 means at this SMSC
                .longMessages(LongMessageMode.UDH_8BIT_REFERENCE)
                // .tls(SslContextBuilder.forClient().build()) for SMPP over TLS
                .build());
        java.util.Arrays.fill(password, '\0');

        messaging = Messaging.builder()
                .store(outbox)
                .provider(smpp)
                .auditTrail(trail)
                .build();
        messaging.start(); // binds, then dispatches in the background
        // end::provider[]

        // tag::send[]
        Message otp = Message.builder(Recipient.of(Address.Msisdn.of("13812345678")), Category.OTP, "otp:login:7f3a9c")
                .text("Your MyBank login code is 493817. It expires in 5 minutes.")
                .build();
        SendResult result = messaging.send(otp); // in the outbox when it returns
        // SUBMITTED after the submit_sm_resp, DELIVERED when the receipt comes
        // end::send[]

        SmppProviderTest.waitFor(() -> messaging.find(result.id()).orElseThrow().status() == MessageStatus.DELIVERED);
        assertThat(smsc.messages())
                .singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith("Your MyBank"));
    }
}
