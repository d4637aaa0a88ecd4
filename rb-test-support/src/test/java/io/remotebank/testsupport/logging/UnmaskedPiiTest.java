package io.remotebank.testsupport.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnmaskedPiiTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sending OTP to 13812345678",
                "phone=138-1234-5678;",
                "caller +8613812345678 connected",
                "E.164 +14155550123",
                "id 11010519491231002X verified",
                "id 11010519491231002x (lower case check character)"
            })
    void unmaskedIdsAndPhones_areFound(String line) {
        assertThat(UnmaskedPii.find(line)).hasSize(1);
        assertThat(UnmaskedPii.redact(line)).doesNotContainPattern("\\d{11}").contains("<unmasked ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sending OTP to 138****5678",
                "id 1****************X verified",
                "epoch millis 1732800000000 and nanos 17328000000001234",
                "an 18-digit number with a wrong check character 110105194912310021",
                "order 12345678901234567890 shipped",
                "a temporary directory /tmp/junit-123456789012345677 (checksum fits, no real birth date)",
                "+86138****5678"
            })
    void maskedValuesAndOrdinaryNumbers_areNotFound(String line) {
        assertThat(UnmaskedPii.find(line)).isEmpty();
    }
}
