package io.remotebank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.internal.Params;
import io.remotebank.channels.policy.FrequencyCap;
import io.remotebank.channels.policy.QuietHours;
import io.remotebank.channels.template.ProviderMapping;
import io.remotebank.channels.template.Template;
import io.remotebank.channels.template.TemplateId;
import io.remotebank.channels.template.TemplateRegistry;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.RbException;
import io.remotebank.core.ValidationException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Value types: validation, stable text forms, masking. */
class ValuesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sms:+8613812345678",
                "sms:+14155550123",
                "wechat:wx0123456789abcdef:o6_bmjrPTlm6_2sgVt7hMZOPfL2M",
                "mini-program:wxabcdef0123456789:oABC-123_x",
                "wecom:ww0123456789abcdef:zhang.san@branch-1"
            })
    void addressKeys_roundTrip(String key) {
        Address a = Address.parse(key);
        assertThat(a.key()).isEqualTo(key);
        assertThat(Address.parse(a.key())).isEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"sms", "fax:123", "sms:12", "wechat:wx1", "wechat:wx 1:abc", "wecom::u", "mini-program:a:b c"})
    void badAddressKeys_areRefused(String key) {
        assertThatThrownBy(() -> Address.parse(key)).isInstanceOf(ValidationException.class);
    }

    @Test
    void addresses_areMaskedInToString() {
        assertThat(Address.Msisdn.of("138 1234 5678").toString()).isEqualTo("sms:+86138****5678");
        assertThat(new Address.WeChatOpenId("wx0123456789abcdef", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M").toString())
                .isEqualTo("wechat:wx0123456789abcdef:o6_b****");
        assertThat(new Address.WeComUser("ww01", "abc").toString()).isEqualTo("wecom:ww01:****");
        assertThat(new Address.MiniProgramOpenId("wx01", "oABCDEFG").channel()).isEqualTo(ContactChannel.MINI_PROGRAM);
    }

    @Test
    void recipient_needsAnAddressOrCustomer_onAMessagingChannel_matchingTheAddress() {
        assertThatThrownBy(() -> new Recipient(ContactChannel.SMS, Optional.empty(), Optional.empty()))
                .hasMessageContaining("needs an address or a customer");
        assertThatThrownBy(() -> Recipient.customer(CustomerId.of("C1"), ContactChannel.VOICE))
                .hasMessageContaining("not voice");
        assertThatThrownBy(() -> new Recipient(
                        ContactChannel.WECHAT, Optional.of(Address.Msisdn.of("13812345678")), Optional.empty()))
                .hasMessageContaining("a sms address cannot receive a wechat message");
        assertThat(Recipient.of(Address.Msisdn.of("13812345678")).capKey()).isEqualTo("sms:+8613812345678");
        assertThat(Recipient.of(Address.Msisdn.of("13812345678"), CustomerId.of("C1"))
                        .capKey())
                .isEqualTo("customer:C1");
        assertThat(Recipient.customer(CustomerId.of("C1"), ContactChannel.SMS).toString())
                .isEqualTo("sms (to resolve) customer C1");
    }

    @Test
    void content_neverShowsTextOrParameterValues() {
        assertThat(new Content.Text("Your code is 493817").toString()).doesNotContain("493817");
        assertThat(new Content.Template(TemplateId.of("otp.login"), Map.of("code", "493817")).toString())
                .isEqualTo("Template[otp.login [code]]");
        assertThatThrownBy(() -> new Content.Text("")).hasMessageContaining("1-4000");
        assertThatThrownBy(() -> new Content.Template(TemplateId.of("a"), Map.of("p", "x".repeat(501))))
                .hasMessageContaining("longer than 500");
    }

    @Test
    void keysAndIds_areValidated() {
        assertThatThrownBy(() -> IdempotencyKey.of("with space")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("k".repeat(129))).isInstanceOf(ValidationException.class);
        assertThat(IdempotencyKey.of("otp:login:7f3a").toString()).isEqualTo("otp:login:7f3a");
        assertThatThrownBy(() -> MessageId.of("short")).isInstanceOf(ValidationException.class);
        assertThat(MessageId.random()).isNotEqualTo(MessageId.random());
        assertThatThrownBy(() -> TemplateId.of("Upper")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Message.builder(Recipient.of(Address.Msisdn.of("13812345678")), Category.OTP, "k")
                        .build())
                .hasMessageContaining("content");
    }

    @Test
    void templates_checkTheirParametersAndMappings() {
        assertThatThrownBy(() ->
                        Template.builder("t", Category.OTP).text("code {code}").build())
                .hasMessageContaining("{code}, which is not a declared parameter");
        assertThatThrownBy(() -> Template.builder("t", Category.OTP)
                        .parameters("a", "a")
                        .text("x")
                        .build())
                .hasMessageContaining("names a parameter twice");
        assertThatThrownBy(() -> Template.builder("t", Category.OTP).build())
                .hasMessageContaining("no provider mapping");
        assertThatThrownBy(() -> Template.builder("t", Category.OTP)
                        .parameters("1x")
                        .text("x")
                        .build())
                .hasMessageContaining("parameter name");
        Template t = Template.builder("t", Category.OTP)
                .parameters("code")
                .text("{code} {code} {unknown-literal} {}")
                .mapping("wechat-oa", new ProviderMapping.WeChatTemplate("TM00015"))
                .build();
        assertThat(t.mappingFor("any")).containsInstanceOf(ProviderMapping.TextPattern.class);
        assertThat(t.mappingFor("wechat-oa")).contains(new ProviderMapping.WeChatTemplate("TM00015"));
        assertThat(((ProviderMapping.TextPattern) t.mappingFor("x").orElseThrow()).render(Map.of("code", "$1\\")))
                .isEqualTo("$1\\ $1\\ {unknown-literal} {}");
        assertThatThrownBy(() -> new ProviderMapping.TextPattern("{a}").render(Map.of()))
                .hasMessageContaining("no value for placeholder {a}");
        assertThatThrownBy(() -> new ProviderMapping.TemplateCode("has space")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new ProviderMapping.WeChatTemplate("")).isInstanceOf(ValidationException.class);
    }

    @Test
    void templateRegistry_registersOnce_andReplaces() {
        TemplateRegistry registry = new TemplateRegistry();
        Template t = Template.builder("t", Category.OTP).text("x").build();
        registry.register(t);
        assertThatThrownBy(() -> registry.register(t))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo(ChannelsError.TEMPLATE_INVALID));
        registry.replace(Template.builder("t", Category.OTP).text("y").build());
        assertThat(registry.all()).hasSize(1);
        assertThatThrownBy(() -> registry.replace(
                        Template.builder("u", Category.OTP).text("y").build()))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessageContaining("not registered");
        assertThatThrownBy(() -> registry.setApproval(
                        TemplateId.of("u"), io.remotebank.channels.template.ApprovalState.APPROVED))
                .hasMessageContaining("not registered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a=1", "a=1&b=2", "k\\=ey=v\\&al\\\\ue&z=", "名字=张三&x=="})
    void params_roundTrip(String ignored) {
        Map<String, String> params = Map.of("a", "1", "b&c", "x=y", "back\\slash", "\\", "名字", "张三", "empty", "");
        assertThat(Params.decode(Params.encode(params))).isEqualTo(params);
        assertThat(Params.decode(Params.encode(Map.of()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a=1&b", "a=1=2", "a\\"})
    void malformedParams_areReportedAsStoreFailures(String text) {
        assertThatThrownBy(() -> Params.decode(text))
                .isInstanceOfSatisfying(
                        RbException.class, e -> assertThat(e.code()).isEqualTo(ChannelsError.STORE_FAILED));
    }

    @Test
    void quietHoursAndCaps_areValidated() {
        assertThatThrownBy(() -> QuietHours.sendBetween(LocalTime.NOON, LocalTime.NOON))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new QuietHours(Optional.of(LocalTime.NOON), Optional.empty()))
                .hasMessageContaining("both ends");
        assertThat(QuietHours.anyTime().allows(LocalTime.MIDNIGHT)).isTrue();
        assertThat(QuietHours.sendBetween(LocalTime.of(8, 0), LocalTime.of(20, 0))
                        .toString())
                .isEqualTo("08:00-20:00");
        assertThatThrownBy(() -> FrequencyCap.of(0, Duration.ofDays(1))).hasMessageContaining("1 to 1,000,000");
        assertThatThrownBy(() -> FrequencyCap.of(1, Duration.ofSeconds(59)))
                .hasMessageContaining("1 minute to 366 days");
        assertThat(FrequencyCap.of(3, Duration.ofDays(1)).toString()).isEqualTo("3 per PT24H");
    }

    @Test
    void errorCodes_areDocumentedInModuleStyle() {
        for (ChannelsError e : ChannelsError.values()) {
            assertThat(e.code()).matches("channels\\.[a-z-]+\\.[a-z-]+");
            assertThat(e.meaning()).endsWith(".");
        }
    }
}
