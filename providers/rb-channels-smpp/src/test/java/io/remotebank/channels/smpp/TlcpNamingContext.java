package io.remotebank.channels.smpp;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * A client context whose engines also offer and enable a national protocol, as a GM/TLCP JSSE
 * provider's would ("TLCPv1.1" here): the handshake itself is the JDK's, the extra name is only
 * shown and remembered, so that a test can see which protocols the SDK left enabled.
 */
final class TlcpNamingContext extends SslContext {

    static final String TLCP = "TLCPv1.1";

    private final SslContext real;
    final List<Engine> engines = new CopyOnWriteArrayList<>();

    TlcpNamingContext(SslContext real) {
        this.real = real;
    }

    @Override
    public boolean isClient() {
        return real.isClient();
    }

    @Override
    public List<String> cipherSuites() {
        return real.cipherSuites();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
        return real.applicationProtocolNegotiator();
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc) {
        return track(new Engine(real.newEngine(alloc)));
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
        return track(new Engine(real.newEngine(alloc, peerHost, peerPort)));
    }

    @Override
    public SSLSessionContext sessionContext() {
        return real.sessionContext();
    }

    private Engine track(Engine engine) {
        engines.add(engine);
        return engine;
    }

    /** The JDK's engine, with TLCP among its protocols while the SDK leaves it enabled. */
    static final class Engine extends SSLEngine {
        private final SSLEngine real;
        private volatile boolean tlcpEnabled = true;

        Engine(SSLEngine real) {
            super(real.getPeerHost(), real.getPeerPort());
            this.real = real;
        }

        boolean tlcpEnabled() {
            return tlcpEnabled;
        }

        List<String> enabled() {
            return List.of(getEnabledProtocols());
        }

        private static String[] with(String[] protocols, boolean tlcp) {
            List<String> all = new ArrayList<>(Arrays.asList(protocols));
            if (tlcp) {
                all.add(0, TLCP);
            }
            return all.toArray(String[]::new);
        }

        private String[] keep(String[] protocols) {
            tlcpEnabled = Arrays.asList(protocols).contains(TLCP);
            return Arrays.stream(protocols).filter(p -> !p.equals(TLCP)).toArray(String[]::new);
        }

        @Override
        public String[] getSupportedProtocols() {
            return with(real.getSupportedProtocols(), true);
        }

        @Override
        public String[] getEnabledProtocols() {
            return with(real.getEnabledProtocols(), tlcpEnabled);
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            real.setEnabledProtocols(keep(protocols));
        }

        @Override
        public SSLParameters getSSLParameters() {
            SSLParameters p = real.getSSLParameters();
            p.setProtocols(getEnabledProtocols());
            return p;
        }

        @Override
        public void setSSLParameters(SSLParameters p) {
            if (p.getProtocols() != null) {
                p.setProtocols(keep(p.getProtocols()));
            }
            real.setSSLParameters(p);
        }

        @Override
        public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
            return real.wrap(srcs, offset, length, dst);
        }

        @Override
        public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
            return real.unwrap(src, dsts, offset, length);
        }

        @Override
        public Runnable getDelegatedTask() {
            return real.getDelegatedTask();
        }

        @Override
        public void closeInbound() throws SSLException {
            real.closeInbound();
        }

        @Override
        public boolean isInboundDone() {
            return real.isInboundDone();
        }

        @Override
        public void closeOutbound() {
            real.closeOutbound();
        }

        @Override
        public boolean isOutboundDone() {
            return real.isOutboundDone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return real.getSupportedCipherSuites();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return real.getEnabledCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            real.setEnabledCipherSuites(suites);
        }

        @Override
        public SSLSession getSession() {
            return real.getSession();
        }

        @Override
        public SSLSession getHandshakeSession() {
            return real.getHandshakeSession();
        }

        @Override
        public void beginHandshake() throws SSLException {
            real.beginHandshake();
        }

        @Override
        public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
            return real.getHandshakeStatus();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            real.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return real.getUseClientMode();
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            real.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return real.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            real.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return real.getWantClientAuth();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            real.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return real.getEnableSessionCreation();
        }

        @Override
        public String getApplicationProtocol() {
            return real.getApplicationProtocol();
        }

        @Override
        public String getHandshakeApplicationProtocol() {
            return real.getHandshakeApplicationProtocol();
        }

        @Override
        public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
            real.setHandshakeApplicationProtocolSelector(selector);
        }

        @Override
        public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
            return real.getHandshakeApplicationProtocolSelector();
        }
    }
}
