package io.remotebank.core.tls;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.apiguardian.api.API;

/**
 * What every SDK transport that speaks TLS (SIP over TLS and WSS, SMPP, and the providers to come)
 * does to the {@link SSLEngine} of the application's context before the handshake.
 *
 * <p>The policy only ever <em>narrows</em> what the engine has enabled: it never turns on a protocol
 * that the application's context left off. {@link #defaults()} switches off the protocols RFC 8996
 * deprecates (SSL 3.0, TLS 1.0, TLS 1.1) and keeps everything else, so that TLS 1.2 and 1.3 pass,
 * and so does a national protocol that the bank's own JSSE provider offers (GM/T 0024 TLCP from
 * Tencent Kona, Tongsuo or a BouncyCastle-based GM provider, whatever name it gives the protocol).
 * {@link #asGiven()} leaves the protocols exactly as the context enables them. A client also checks
 * the server's certificate against the host it connects to (RFC 2818 3.1, RFC 6125) unless the
 * policy says otherwise.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TlsPolicy {

    /** The protocols RFC 8996 deprecates, and SSL before them; JSSE's names. */
    private static final Set<String> OBSOLETE = Set.of("SSLv2", "SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1");

    private static final TlsPolicy DEFAULTS = builder().build();

    private final boolean removeObsolete;
    private final List<String> only;
    private final boolean hostnameVerification;

    private TlsPolicy(Builder b) {
        this.removeObsolete = b.removeObsolete;
        this.only = List.copyOf(b.only);
        this.hostnameVerification = b.hostnameVerification;
    }

    /**
     * The default: obsolete protocols off, everything else the context enables kept; clients verify
     * the server's host name.
     *
     * @return the default policy
     */
    public static TlsPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * The application's context exactly as given: no protocol is switched off (the bank answers for
     * its own context); clients still verify the server's host name.
     *
     * @return the policy
     */
    public static TlsPolicy asGiven() {
        return builder().keepObsoleteProtocols().build();
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Prepares a server-side engine.
     *
     * @param engine an engine of the application's server context, before its handshake
     * @return the same engine
     * @throws ValidationException with {@link CoreError#TLS_POLICY_UNSATISFIABLE} when the policy
     *     leaves no protocol enabled
     */
    public SSLEngine applyToServer(SSLEngine engine) {
        Arguments.notNull(engine, "engine");
        engine.setEnabledProtocols(allowed(engine.getEnabledProtocols()));
        return engine;
    }

    /**
     * Prepares a client-side engine (create it with the peer's host and port so that the host name
     * can be checked and sessions resumed).
     *
     * @param engine an engine of the application's client context, before its handshake
     * @return the same engine
     * @throws ValidationException with {@link CoreError#TLS_POLICY_UNSATISFIABLE} when the policy
     *     leaves no protocol enabled
     */
    public SSLEngine applyToClient(SSLEngine engine) {
        Arguments.notNull(engine, "engine");
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(allowed(engine.getEnabledProtocols()));
        if (hostnameVerification) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /**
     * The protocols this policy keeps of those a context enables, in their order.
     *
     * @param enabled what the context enables
     * @return what stays enabled, never more than {@code enabled}
     * @throws ValidationException with {@link CoreError#TLS_POLICY_UNSATISFIABLE} when nothing stays
     */
    public String[] allowed(String[] enabled) {
        Arguments.notNull(enabled, "enabled");
        List<String> kept = new ArrayList<>();
        for (String protocol : enabled) {
            if (removeObsolete && OBSOLETE.contains(protocol)) {
                continue;
            }
            if (!only.isEmpty() && !only.contains(protocol)) {
                continue;
            }
            kept.add(protocol);
        }
        if (kept.isEmpty()) {
            throw new ValidationException(
                    CoreError.TLS_POLICY_UNSATISFIABLE,
                    "the TLS context enables " + List.of(enabled) + ", and the policy " + this
                            + " allows none of them");
        }
        return kept.toArray(String[]::new);
    }

    /**
     * Whether a client checks the server's certificate against the host name.
     *
     * @return true unless turned off
     */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    @Override
    public String toString() {
        return "TlsPolicy[" + (removeObsolete ? "no SSLv3/TLSv1/TLSv1.1" : "protocols as given")
                + (only.isEmpty() ? "" : ", only " + only) + ", hostname verification "
                + (hostnameVerification ? "on" : "off") + "]";
    }

    /** Builds a {@link TlsPolicy}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private boolean removeObsolete = true;
        private final Set<String> only = new LinkedHashSet<>();
        private boolean hostnameVerification = true;

        private Builder() {}

        /**
         * Keeps even the protocols RFC 8996 deprecates when the context enables them. Only for a
         * peer that can do nothing better, and never the default.
         *
         * @return this builder
         */
        public Builder keepObsoleteProtocols() {
            this.removeObsolete = false;
            return this;
        }

        /**
         * Narrows further to a list of protocols, e.g. {@code "TLSv1.3"} alone, or a GM provider's
         * TLCP name alone. Protocols the context does not enable stay off.
         *
         * @param protocols JSSE protocol names, at least one
         * @return this builder
         */
        public Builder onlyProtocols(String... protocols) {
            Arguments.notNull(protocols, "protocols");
            if (protocols.length == 0) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "protocols must name at least one protocol");
            }
            only.clear();
            for (String p : protocols) {
                Arguments.notBlank(p, "protocol");
                if (!p.strip().equals(p) || p.toLowerCase(Locale.ROOT).equals("default")) {
                    throw new ValidationException(CoreError.ARGUMENT_INVALID, "not a protocol name: '" + p + "'");
                }
                only.add(p);
            }
            return this;
        }

        /**
         * Whether clients check the server's certificate against the host name (default true). Turn
         * it off only for a peer addressed by a name its certificate does not carry, and pin its
         * certificate in the context instead.
         *
         * @param on true to check
         * @return this builder
         */
        public Builder hostnameVerification(boolean on) {
            this.hostnameVerification = on;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public TlsPolicy build() {
            return new TlsPolicy(this);
        }
    }
}
