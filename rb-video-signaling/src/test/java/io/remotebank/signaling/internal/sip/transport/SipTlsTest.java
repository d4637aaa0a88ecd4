package io.remotebank.signaling.internal.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.tls.TlsPolicy;
import io.remotebank.signaling.sip.transport.TlsIdentity;
import java.time.Clock;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/**
 * What SIP's TLS and WSS keep of the application's context (issue 24, point 3): rb-core's policy
 * narrows, never widens, and a GM/TLCP provider's protocol passes as given.
 */
class SipTlsTest {

    private static final TlsIdentity IDENTITY = TlsIdentity.selfSigned(Clock.systemUTC(), "127.0.0.1");
    private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

    private static SslContext gmServer(String... enabled) {
        return new NationalProtocolContext(IDENTITY.serverContext(), enabled);
    }

    private static SslContext gmClient(String... enabled) {
        return new NationalProtocolContext(TlsIdentity.clientContextTrusting(IDENTITY.certificate()), enabled);
    }

    private static String[] protocols(SSLEngine engine) {
        return engine.getEnabledProtocols();
    }

    @Test
    void aTlcpProtocolOfTheApplicationsServerContext_isKept() {
        SSLEngine engine = SipTls.server(gmServer("TLCPv1.1", "TLSv1.3", "TLSv1.2"), ALLOC, TlsPolicy.defaults())
                .engine();
        assertThat(protocols(engine)).containsExactly("TLCPv1.1", "TLSv1.3", "TLSv1.2");
    }

    @Test
    void aTlcpProtocolOfTheApplicationsClientContext_isKept() {
        SSLEngine engine = SipTls.client(
                        gmClient("TLCPv1.1", "TLSv1.2"), ALLOC, "127.0.0.1", 5061, TlsPolicy.defaults())
                .engine();
        assertThat(protocols(engine)).containsExactly("TLCPv1.1", "TLSv1.2");
        assertThat(engine.getUseClientMode()).isTrue();
    }

    @Test
    void aTlcpOnlyContext_isUsedAsGiven() {
        SSLEngine engine =
                SipTls.server(gmServer("TLCPv1.1"), ALLOC, TlsPolicy.defaults()).engine();
        assertThat(protocols(engine)).containsExactly("TLCPv1.1");
    }

    @Test
    void obsoleteProtocols_areDropped_evenWhenTheContextEnablesThem() {
        SSLEngine engine = SipTls.server(
                        gmServer("TLCPv1.1", "TLSv1.2", "TLSv1.1", "TLSv1"), ALLOC, TlsPolicy.defaults())
                .engine();
        assertThat(protocols(engine)).containsExactly("TLCPv1.1", "TLSv1.2");
    }

    @Test
    void aPolicyOfTlcpAlone_narrowsToIt() {
        TlsPolicy tlcp = TlsPolicy.builder().onlyProtocols("TLCPv1.1").build();
        SSLEngine engine =
                SipTls.server(gmServer("TLSv1.3", "TLCPv1.1"), ALLOC, tlcp).engine();
        assertThat(protocols(engine)).containsExactly("TLCPv1.1");
    }

    @Test
    void aProtocolTheApplicationLeftOff_staysOff() {
        SSLEngine engine =
                SipTls.server(gmServer("TLSv1.3"), ALLOC, TlsPolicy.defaults()).engine();
        assertThat(protocols(engine)).containsExactly("TLSv1.3");
        assertThat(Arrays.asList(engine.getSupportedProtocols())).contains("TLSv1.2");
    }

    @Test
    void aPolicyThatLeavesNothing_failsTheCheckWithItsCode() {
        TlsPolicy tls13 = TlsPolicy.builder().onlyProtocols("TLSv1.3").build();
        assertThatThrownBy(() -> SipTls.check(gmServer("TLCPv1.1", "TLSv1.2"), tls13))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.TLS_POLICY_UNSATISFIABLE));
    }
}
