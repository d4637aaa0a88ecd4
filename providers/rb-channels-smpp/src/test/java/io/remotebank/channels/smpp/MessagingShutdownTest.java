package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.Message;
import io.remotebank.channels.MessageRecord;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.Messaging;
import io.remotebank.channels.Recipient;
import io.remotebank.channels.SendResult;
import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.testing.ManualTime;
import io.remotebank.testsupport.Await;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 24, point 7: Messaging.close() blocked 22 s with the SMSC unreachable. */
class MessagingShutdownTest {

    private static final Instant START = Instant.parse("2026-11-28T02:00:00Z");

    @Test
    @Timeout(30) // a guard against a hang only: nobody moves the dispatcher's clock past its submit timeout
    void close_withTheSmscUnreachable_putsTheWaitingMessageBack_insteadOfWaitingForTheSubmitTimeout() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens there once closed: connection refused
        }
        KeyProvider keys = KeyProviders.inMemory();
        keys.generate(KeyId.of("audit/signer"), CryptoSuite.international().signingKeyType());
        ManualTime time = ManualTime.at(START);
        try (AuditTrail trail = AuditTrail.builder(AuditStores.inMemory())
                        .signer(keys, KeyId.of("audit/signer"))
                        .open();
                OutboxStore outbox = OutboxStores.h2InMemory("shutdown")) {
            SmppProvider smpp = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", closedPort)
                    .name("smpp:unreachable")
                    .credentials("bank01", "s3cret".toCharArray())
                    .shutdownTimeout(Duration.ofMillis(200))
                    .build());
            Messaging messaging = Messaging.builder()
                    .store(outbox)
                    .provider(smpp)
                    .auditTrail(trail)
                    .clock(time.clock())
                    .scheduler(time)
                    .submitTimeout(Duration.ofSeconds(30))
                    .build();
            SendResult sent = messaging.send(
                    Message.builder(Recipient.of(Address.Msisdn.of("13812345678")), Category.OTP, "otp:unreachable")
                            .text("Your code is 493817.")
                            .build());
            messaging.start();
            time.runDue(); // the first poll: a round leases the message and waits for the provider
            Await.until("the round waits for the provider's answer", () -> time.pending() == 2);

            messaging.close();

            MessageRecord back = outbox.find(sent.id()).orElseThrow();
            assertThat(back.status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(back.attempts()).as("no attempt counted").isZero();
            assertThat(outbox.claimDue(
                            time.clock().instant(),
                            10,
                            "next",
                            time.clock().instant().plusSeconds(60)))
                    .as("not leased: the next dispatcher sends it")
                    .extracting(MessageRecord::id)
                    .containsExactly(sent.id());
        }
    }
}
