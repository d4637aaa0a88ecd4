package io.remotebank.signaling.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-signed certificate helper, PEM files and the fingerprint. */
class TlsIdentityTest {

    @TempDir
    Path dir;

    private static final TlsIdentity IDENTITY =
            TlsIdentity.selfSigned(Clock.systemUTC(), "127.0.0.1", "sip.example.com", "::1");

    @Test
    void aSelfSignedCertificateNamesItsHostsAndIsValidNow() throws Exception {
        X509Certificate c = IDENTITY.certificate();
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        c.verify(c.getPublicKey()); // self-signed
        c.checkValidity();
        assertThat(c.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(
                        List.of(7, "127.0.0.1"), List.of(2, "sip.example.com"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(c.getBasicConstraints()).isEqualTo(-1); // not a CA
        assertThat(c.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1"); // serverAuth
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(c.getSerialNumber()).isPositive();
        assertThat(IDENTITY.privateKey()).isInstanceOf(ECPrivateKey.class);
    }

    @Test
    void theFingerprintIsTheSha256OfTheDerCertificate() throws Exception {
        String fingerprint = IDENTITY.sha256Fingerprint();
        assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(IDENTITY.certificate().getEncoded());
        assertThat(fingerprint.replace(":", ""))
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(digest));
        assertThat(IDENTITY.toString()).contains(fingerprint).doesNotContain("PRIVATE");
    }

    @Test
    void twoSelfSignedIdentitiesDiffer() {
        assertThat(TlsIdentity.selfSigned(Clock.systemUTC(), "a.example").sha256Fingerprint())
                .isNotEqualTo(
                        TlsIdentity.selfSigned(Clock.systemUTC(), "a.example").sha256Fingerprint());
    }

    @Test
    void validityFollowsTheGivenClock() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        X509Certificate c =
                TlsIdentity.selfSigned(now, Duration.ofDays(10), "x.example").certificate();
        assertThat(c.getNotBefore().toInstant()).isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat(c.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(10)));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> TlsIdentity.selfSigned(Clock.systemUTC())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TlsIdentity.selfSigned(Clock.systemUTC(), " "))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TlsIdentity.selfSigned(Instant.now(), Duration.ZERO, "a"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TlsIdentity.of(IDENTITY.privateKey(), List.of()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void writtenPemFilesReadBack() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        IDENTITY.writePem(cert, key);
        assertThat(Files.readString(cert)).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(key))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        TlsIdentity read = TlsIdentity.fromPem(cert, key);
        assertThat(read.certificate()).isEqualTo(IDENTITY.certificate());
        assertThat(read.privateKey()).isEqualTo(IDENTITY.privateKey());
        assertThat(read.sha256Fingerprint()).isEqualTo(IDENTITY.sha256Fingerprint());
        read.serverContext(); // usable
    }

    @Test
    void anRfc5915EcPrivateKeyIsRead() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        IDENTITY.writePem(cert, key);
        ECPrivateKey ec = (ECPrivateKey) IDENTITY.privateKey();
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(), SECObjectIdentifiers.secp256r1)
                .getEncoded(ASN1Encoding.DER);
        Files.writeString(key, pem("EC PRIVATE KEY", sec1));
        ECPrivateKey read = (ECPrivateKey) TlsIdentity.fromPem(cert, key).privateKey();
        assertThat(read.getS()).isEqualTo(ec.getS());
        assertThat(read.getParams().getCurve()).isEqualTo(ec.getParams().getCurve());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        IDENTITY.writePem(cert, key);
        TlsIdentity.selfSigned(Clock.systemUTC(), "other.example").writePem(dir.resolve("other.pem"), key);
        assertThatThrownBy(() -> TlsIdentity.fromPem(cert, key))
                .isInstanceOf(SipTransportException.class)
                .hasMessageContaining("signaling.sip.tls")
                .hasMessageContaining("does not belong");
    }

    @Test
    void unusableFilesGiveClearErrors() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        IDENTITY.writePem(cert, key);
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        Path encrypted = Files.writeString(dir.resolve("enc.pem"), pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2}));
        Path noCurve = Files.writeString(
                dir.resolve("nocurve.pem"),
                pem(
                        "EC PRIVATE KEY",
                        new org.bouncycastle.asn1.sec.ECPrivateKey(256, BigInteger.TEN).getEncoded(ASN1Encoding.DER)));
        Path badCert = Files.writeString(dir.resolve("bad.pem"), pem("CERTIFICATE", new byte[] {0x30, 0x03, 1, 2, 3}));
        assertThatThrownBy(() -> TlsIdentity.fromPem(empty, key)).hasMessageContaining("no CERTIFICATE block");
        assertThatThrownBy(() -> TlsIdentity.fromPem(cert, empty)).hasMessageContaining("exactly one private key");
        assertThatThrownBy(() -> TlsIdentity.fromPem(cert, encrypted)).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> TlsIdentity.fromPem(cert, noCurve)).hasMessageContaining("no curve");
        assertThatThrownBy(() -> TlsIdentity.fromPem(badCert, key)).hasMessageContaining("not an X.509 certificate");
        assertThatThrownBy(() -> TlsIdentity.fromPem(dir.resolve("missing.pem"), key))
                .isInstanceOf(SipTransportException.class)
                .hasMessageContaining("cannot read");
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
