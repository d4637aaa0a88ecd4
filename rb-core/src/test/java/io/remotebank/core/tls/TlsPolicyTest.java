package io.remotebank.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsPolicyTest {

    private static SSLEngine clientEngine(String... enabled) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        SSLEngine engine = context.createSSLEngine("smsc.bank.example", 2776);
        engine.setEnabledProtocols(enabled);
        return engine;
    }

    /** RFC 8996: SSL 3.0, TLS 1.0 and 1.1 go; TLS 1.2, 1.3 and a GM provider's TLCP stay. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "TLSv1.3 TLSv1.2 | TLSv1.3 TLSv1.2",
                "TLSv1.3 TLSv1.2 TLSv1.1 TLSv1 SSLv3 SSLv2Hello | TLSv1.3 TLSv1.2",
                "TLCPv1.1 TLSv1.2 | TLCPv1.1 TLSv1.2",
                "GMSSLv1.1 | GMSSLv1.1",
            })
    void defaults_dropOnlyObsoleteProtocols(String enabled, String kept) {
        assertThat(TlsPolicy.defaults().allowed(enabled.split(" "))).containsExactly(kept.split(" "));
    }

    @Test
    void aProtocolTheApplicationDisabled_staysDisabled() throws Exception {
        SSLEngine engine = clientEngine("TLSv1.3");
        TlsPolicy.defaults().applyToClient(engine);
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3");
    }

    @Test
    void client_checksTheServersHostName_unlessTurnedOff() throws Exception {
        SSLEngine on = TlsPolicy.defaults().applyToClient(clientEngine("TLSv1.3", "TLSv1.2"));
        assertThat(on.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(on.getUseClientMode()).isTrue();
        SSLEngine off = TlsPolicy.builder().hostnameVerification(false).build().applyToClient(clientEngine("TLSv1.3"));
        assertThat(off.getSSLParameters().getEndpointIdentificationAlgorithm()).isNull();
    }

    @Test
    void server_keepsTls12And13_ofADefaultJdkContext() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2", "TLSv1.1"});
        TlsPolicy.defaults().applyToServer(engine);
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void asGiven_keepsEvenObsoleteProtocols() {
        assertThat(TlsPolicy.asGiven().allowed(new String[] {"TLSv1.2", "TLSv1"}))
                .containsExactly("TLSv1.2", "TLSv1");
    }

    @Test
    void onlyProtocols_narrowsButNeverAdds() {
        TlsPolicy tlcpOnly = TlsPolicy.builder().onlyProtocols("TLCPv1.1").build();
        assertThat(tlcpOnly.allowed(new String[] {"TLSv1.3", "TLCPv1.1"})).containsExactly("TLCPv1.1");
        assertThatThrownBy(() -> tlcpOnly.allowed(new String[] {"TLSv1.3", "TLSv1.2"}))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.TLS_POLICY_UNSATISFIABLE))
                .hasMessageContaining("[TLSv1.3, TLSv1.2]")
                .hasMessageContaining("only [TLCPv1.1]");
    }

    @Test
    void aContextWithOnlyObsoleteProtocols_isRefusedByName() throws NoSuchAlgorithmException {
        assertThatThrownBy(() -> TlsPolicy.defaults().allowed(new String[] {"TLSv1", "TLSv1.1"}))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("core.tls.no-protocol")
                .hasMessageContaining("[TLSv1, TLSv1.1]");
    }

    @Test
    void badProtocolNames_areRefused() {
        assertThatThrownBy(() -> TlsPolicy.builder().onlyProtocols())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> TlsPolicy.builder().onlyProtocols(" TLSv1.3"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a protocol name");
    }

    @Test
    void toString_saysWhatItDoes() {
        assertThat(TlsPolicy.defaults()).hasToString("TlsPolicy[no SSLv3/TLSv1/TLSv1.1, hostname verification on]");
    }
}
