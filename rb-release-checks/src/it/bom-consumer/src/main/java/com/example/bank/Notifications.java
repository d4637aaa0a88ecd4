package com.example.bank;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.Message;
import io.remotebank.channels.Messaging;
import io.remotebank.channels.Recipient;
import io.remotebank.channels.SendResult;
import io.remotebank.channels.outbox.OutboxStores;
import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.KeyProvider;
import java.nio.file.Path;

/** A bank's messaging set-up as docs/rb-channels.md shows it: an H2 outbox, a provider, an audit trail. */
public final class Notifications implements AutoCloseable {

    private final AuditTrail trail;
    private final OutboxStore outbox;
    private final Messaging messaging;

    /**
     * Opens the outbox in a directory and a messaging service over a simulated SMS provider.
     *
     * @param dir where the outbox lives
     */
    public Notifications(Path dir) {
        KeyProvider keys = KeyProviders.inMemory();
        KeyId signer = KeyId.of("audit/signer");
        keys.generate(signer, CryptoSuite.international().signingKeyType());
        trail = AuditTrail.builder(AuditStores.inMemory()).signer(keys, signer).open();
        outbox = OutboxStores.h2(dir.resolve("outbox"));
        messaging = Messaging.builder()
                .store(outbox)
                .provider(SimulatedProvider.sms())
                .auditTrail(trail)
                .build();
    }

    /** The SMPP provider's configuration, built on the module path (nothing connects). */
    public static String smppConfiguration() {
        return SmppClientConfig.builder("127.0.0.1", 2775)
                .credentials("bank01", "s3cret".toCharArray())
                .build()
                .toString();
    }

    /**
     * Sends a one-time password and runs one dispatch round.
     *
     * @param msisdn the phone number
     * @return the message's status after the round
     */
    public String sendOtp(String msisdn) {
        SendResult sent = messaging.send(Message.builder(Recipient.of(Address.Msisdn.of(msisdn)), Category.OTP, "otp:1")
                .text("Your code is 493817.")
                .build());
        messaging.dispatchDue();
        return messaging.find(sent.id()).orElseThrow().status().name();
    }

    @Override
    public void close() {
        messaging.close();
        outbox.close();
        trail.close();
    }
}
