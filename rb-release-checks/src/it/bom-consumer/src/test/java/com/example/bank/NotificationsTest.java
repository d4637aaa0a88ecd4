package com.example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationsTest {

    @TempDir
    Path dir;

    @Test
    void anOtpIsStoredInTheH2OutboxAndDelivered() {
        try (Notifications notifications = new Notifications(dir)) {
            // The simulated provider reports delivery with its answer.
            assertEquals("DELIVERED", notifications.sendOtp("13812345678"));
        }
    }

    @Test
    void theSmppProviderResolvesOnTheModulePath_andHidesThePassword() {
        assertFalse(Notifications.smppConfiguration().contains("s3cret"));
    }
}
