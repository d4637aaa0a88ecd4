package io.remotebank.signaling.sip.transport;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.internal.sip.transport.Certificates;
import io.remotebank.signaling.internal.sip.transport.SipTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apiguardian.api.API;

/**
 * A TLS server identity: a private key and its certificate chain, leaf first. Made self-signed (for
 * a test or a demo server; peers must trust its {@linkplain #sha256Fingerprint() fingerprint}) or
 * read from PEM files; {@link #serverContext()} turns it into the Netty {@link SslContext} the
 * TLS and WSS transports use (TLS 1.2 and 1.3 only). Immutable; {@link #toString()} never shows the
 * key.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TlsIdentity {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private TlsIdentity(PrivateKey key, List<X509Certificate> chain) {
        this.key = Arguments.notNull(key, "key");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "the certificate chain is empty");
        }
    }

    /**
     * An identity from a key and its chain (leaf first).
     *
     * @param key the private key of the leaf
     * @param chain the certificates, leaf first
     * @return the identity
     */
    public static TlsIdentity of(PrivateKey key, List<X509Certificate> chain) {
        return new TlsIdentity(key, chain);
    }

    /**
     * A new ECDSA P-256 key and a self-signed certificate, valid from an hour before the clock's
     * time for one year.
     *
     * @param clock the time the certificate is made at (the application's clock; rb-testing's
     *     {@code ManualTime} in a test)
     * @param names the names the certificate is for (IP literals become IP-address alternative
     *     names, others DNS names); the first is also the subject's common name
     * @return the identity
     * @throws SipTransportException ({@code signaling.sip.tls}) when the JDK cannot make the key
     */
    public static TlsIdentity selfSigned(Clock clock, String... names) {
        return selfSigned(Arguments.notNull(clock, "clock").instant(), Duration.ofDays(365), names);
    }

    /**
     * A new ECDSA P-256 key and a self-signed certificate.
     *
     * @param now the current time (the certificate is valid from an hour before, for clock skew)
     * @param validity how long it is valid, positive
     * @param names the names the certificate is for, at least one
     * @return the identity
     */
    public static TlsIdentity selfSigned(Instant now, Duration validity, String... names) {
        Arguments.notNull(now, "now");
        if (validity.isNegative() || validity.isZero()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "the validity must be positive: " + validity);
        }
        if (names.length == 0) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "at least one name");
        }
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "a certificate name is empty");
            }
        }
        Certificates.Pair pair =
                Certificates.selfSigned(List.of(names), now.minus(Duration.ofHours(1)), now.plus(validity));
        return new TlsIdentity(pair.key(), pair.chain());
    }

    /**
     * Reads PEM files (RFC 7468): the certificate chain, leaf first, and its private key (unencrypted
     * PKCS #8 {@code PRIVATE KEY}, PKCS #1 {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}).
     *
     * @param certificateChain the certificate file
     * @param privateKey the key file
     * @return the identity
     * @throws SipTransportException ({@code signaling.sip.tls}) when a file cannot be read, holds no
     *     usable block, or the key does not belong to the leaf certificate
     */
    public static TlsIdentity fromPem(Path certificateChain, Path privateKey) {
        String cert = read(certificateChain);
        String key = read(privateKey);
        Certificates.Pair pair = Certificates.fromPem(cert, key);
        return new TlsIdentity(pair.key(), pair.chain());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SipTransportException(SignalingError.SIP_TLS, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The chain, leaf first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The private key of the leaf. */
    public PrivateKey privateKey() {
        return key;
    }

    /**
     * The SHA-256 fingerprint of the leaf certificate as SDP {@code a=fingerprint} (RFC 8122 5) and
     * most tools print it: upper-case hex pairs joined by colons.
     *
     * @return e.g. {@code 4A:AD:B9:...} (32 pairs)
     */
    public String sha256Fingerprint() {
        return Certificates.sha256Fingerprint(certificate());
    }

    /**
     * A server context for this identity: JDK TLS, TLS 1.3 and 1.2 only, no client certificate asked.
     *
     * @return the context
     * @throws SipTransportException ({@code signaling.sip.tls}) when the key or chain is unusable
     */
    public SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .protocols(SipTls.DEFAULT_PROTOCOLS)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new SipTransportException(SignalingError.SIP_TLS, "cannot use the identity: " + e.getMessage(), e);
        }
    }

    /**
     * A client context that trusts exactly these certificates (for a peer with a self-signed
     * certificate), TLS 1.3 and 1.2 only. Host names are still checked against the certificate.
     *
     * @param trusted the certificates to trust, at least one
     * @return the context
     */
    public static SslContext clientContextTrusting(X509Certificate... trusted) {
        if (trusted.length == 0) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "at least one trusted certificate");
        }
        try {
            return SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .protocols(SipTls.DEFAULT_PROTOCOLS)
                    .trustManager(trusted)
                    .build();
        } catch (SSLException e) {
            throw new SipTransportException(SignalingError.SIP_TLS, "cannot trust the certificates", e);
        }
    }

    /**
     * Writes the chain and the key as PEM files; on a POSIX file system the key file is readable by
     * its owner only.
     *
     * @param certificateChain where the certificates go
     * @param privateKey where the PKCS #8 key goes (replaced if it exists)
     * @throws SipTransportException ({@code signaling.sip.tls}) when a file cannot be written
     */
    public void writePem(Path certificateChain, Path privateKey) {
        try {
            Files.writeString(certificateChain, Certificates.certificatesPem(chain), StandardCharsets.US_ASCII);
            Files.deleteIfExists(privateKey);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(
                    privateKey,
                    Certificates.privateKeyPem(key),
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new SipTransportException(SignalingError.SIP_TLS, "cannot write PEM files: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + certificate().getSubjectX500Principal().getName() + ", sha-256 " + sha256Fingerprint()
                + "]";
    }
}
