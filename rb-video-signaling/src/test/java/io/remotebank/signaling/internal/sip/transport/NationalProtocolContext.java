package io.remotebank.signaling.internal.sip.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * An application's {@link SslContext} as a GM/TLCP provider (Tencent Kona, Tongsuo, a BouncyCastle
 * GM provider) gives it: its engines offer a national protocol beside TLS. A JDK context underneath
 * does the real work; only the protocol names differ. For tests that check what the SDK keeps of
 * such a context; no handshake is made with it.
 */
final class NationalProtocolContext extends SslContext {

    private final SslContext jdk;
    private final String[] enabled;

    /**
     * @param jdk a JDK context
     * @param enabled what its engines enable, national names included, e.g. {@code TLCPv1.1}
     */
    NationalProtocolContext(SslContext jdk, String... enabled) {
        this.jdk = jdk;
        this.enabled = enabled.clone();
    }

    @Override
    public boolean isClient() {
        return jdk.isClient();
    }

    @Override
    public List<String> cipherSuites() {
        return jdk.cipherSuites();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
        return jdk.applicationProtocolNegotiator();
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc) {
        return new Engine(jdk.newEngine(alloc), enabled);
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
        return new Engine(jdk.newEngine(alloc, peerHost, peerPort), enabled);
    }

    @Override
    public SSLSessionContext sessionContext() {
        return jdk.sessionContext();
    }

    /** A JDK engine that also knows the national protocol names. */
    private static final class Engine extends SSLEngine {
        private final SSLEngine jdk;
        private final String[] supported;
        private String[] enabled;

        Engine(SSLEngine jdk, String[] enabled) {
            super(jdk.getPeerHost(), jdk.getPeerPort());
            this.jdk = jdk;
            List<String> all = new ArrayList<>(Arrays.asList(jdk.getSupportedProtocols()));
            for (String p : enabled) {
                if (!all.contains(p)) {
                    all.add(p);
                }
            }
            this.supported = all.toArray(String[]::new);
            this.enabled = enabled.clone();
        }

        @Override
        public String[] getSupportedProtocols() {
            return supported.clone();
        }

        @Override
        public String[] getEnabledProtocols() {
            return enabled.clone();
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            if (!Arrays.asList(supported).containsAll(Arrays.asList(protocols))) {
                throw new IllegalArgumentException("unsupported: " + Arrays.toString(protocols));
            }
            this.enabled = protocols.clone();
        }

        @Override
        public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
            return jdk.wrap(srcs, offset, length, dst);
        }

        @Override
        public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
            return jdk.unwrap(src, dsts, offset, length);
        }

        @Override
        public Runnable getDelegatedTask() {
            return jdk.getDelegatedTask();
        }

        @Override
        public void closeInbound() throws SSLException {
            jdk.closeInbound();
        }

        @Override
        public boolean isInboundDone() {
            return jdk.isInboundDone();
        }

        @Override
        public void closeOutbound() {
            jdk.closeOutbound();
        }

        @Override
        public boolean isOutboundDone() {
            return jdk.isOutboundDone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return jdk.getSupportedCipherSuites();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return jdk.getEnabledCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            jdk.setEnabledCipherSuites(suites);
        }

        @Override
        public SSLSession getSession() {
            return jdk.getSession();
        }

        @Override
        public void beginHandshake() throws SSLException {
            jdk.beginHandshake();
        }

        @Override
        public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
            return jdk.getHandshakeStatus();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            jdk.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return jdk.getUseClientMode();
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            jdk.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return jdk.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            jdk.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return jdk.getWantClientAuth();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            jdk.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return jdk.getEnableSessionCreation();
        }
    }
}
