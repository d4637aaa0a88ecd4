package io.remotebank.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"C1", "CIF-0001234567", "party:42", "a.b_c-d", "X"})
    void customerId_acceptsTheSyntax(String value) {
        assertThat(CustomerId.of(value).value()).isEqualTo(value);
        assertThat(new AgentId(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "中文", "a/b", "semi;colon"})
    void customerId_rejectsOtherText_withItsCode(String value) {
        assertThatThrownBy(() -> CustomerId.of(value))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo(CoreError.CUSTOMER_ID_INVALID));
        assertThatThrownBy(() -> new AgentId(value))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo(CoreError.AGENT_ID_INVALID));
    }

    @Test
    void customerId_rejectsNullAndOverlongValues() {
        assertThatThrownBy(() -> CustomerId.of(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo(CoreError.ARGUMENT_MISSING));
        assertThatThrownBy(() -> CustomerId.of("x".repeat(65))).isInstanceOf(ValidationException.class);
        assertThat(CustomerId.of("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    void customerIds_sortByValue() {
        assertThat(CustomerId.of("A2").compareTo(CustomerId.of("A10"))).isPositive();
        assertThat(CustomerId.of("C1")).hasToString("C1");
    }

    @Test
    void correlationId_random_isUniqueAndValid() {
        CorrelationId a = CorrelationId.random();
        CorrelationId b = CorrelationId.random();

        assertThat(a).isNotEqualTo(b);
        assertThat(a.value()).matches("[0-9a-f]{32}");
        assertThat(CorrelationId.of(a.value())).isEqualTo(a);
        assertThatThrownBy(() -> CorrelationId.of("short"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.CORRELATION_ID_INVALID));
    }

    @ParameterizedTest
    @CsvSource({
        "13812345678, +8613812345678",
        "138 1234 5678, +8613812345678",
        "+86 138-1234-5678, +8613812345678",
        "008613812345678, +8613812345678",
        "+1 (415) 555-0123, +14155550123",
        "+85291234567, +85291234567"
    })
    void phoneNumber_parsesWhatPeopleWrite(String text, String e164) {
        PhoneNumber phone = PhoneNumber.parse(text);

        assertThat(phone.e164()).isEqualTo(e164);
    }

    @Test
    void phoneNumber_toString_isMasked() {
        PhoneNumber phone = PhoneNumber.parse("13812345678");

        assertThat(phone.toString()).isEqualTo("+86138****5678").doesNotContain("13812345678");
        assertThat(phone.isMainlandMobile()).isTrue();
        assertThat(phone.national()).isEqualTo("13812345678");
        assertThat(PhoneNumber.parse("+14155550123").isMainlandMobile()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"12345", "1381234567", "23812345678", "+0123456789", "+86123", "138abc45678", "+861381234567"})
    void phoneNumber_rejectsNonNumbers_withoutEchoingThem(String text) {
        assertThatThrownBy(() -> PhoneNumber.parse(text)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.code()).isEqualTo(CoreError.PHONE_NUMBER_INVALID);
            assertThat(e.getMessage()).doesNotContain(text.length() > 6 ? text : "\u0000");
        });
    }

    @ParameterizedTest
    @EnumSource(ContactChannel.class)
    void contactChannel_codeParsesBack(ContactChannel channel) {
        assertThat(ContactChannel.parse(channel.code())).isEqualTo(channel);
        assertThat(ContactChannel.parse(channel.name())).isEqualTo(channel);
    }

    @Test
    void contactChannel_knowsWhichAreInteractive() {
        assertThat(ContactChannel.VIDEO.interactive()).isTrue();
        assertThat(ContactChannel.SMS.interactive()).isFalse();
        assertThat(ContactChannel.MINI_PROGRAM.code()).isEqualTo("mini-program");
        assertThatThrownBy(() -> ContactChannel.parse("fax"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("known: voice, video");
    }

    @Test
    void rbException_messageStartsWithTheCode() {
        RbException e = new StorageException(CoreError.STORAGE_FAILED, "disk full");

        assertThat(e.getMessage()).isEqualTo("core.storage.failed: disk full");
        assertThat(e.code().meaning()).isNotBlank();
    }

    @Test
    void arguments_checkRangesAndLengths() {
        assertThat(Arguments.inRange(5, 1, 10, "x")).isEqualTo(5);
        assertThatThrownBy(() -> Arguments.inRange(11, 1, 10, "window size"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("window size must be between 1 and 10, got 11");
        assertThatThrownBy(() -> Arguments.length(new byte[3], 16, 16, "key"))
                .hasMessageContaining("key must be 16 bytes long, got 3");
        assertThatThrownBy(() -> Arguments.noNulls(java.util.Arrays.asList("a", null), "items"))
                .hasMessageContaining("items[1] is null");
        assertThatThrownBy(() -> Arguments.notBlank(" ", "name")).hasMessageContaining("name is required");
    }
}
