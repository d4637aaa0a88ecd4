package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.sip.transport.SipTransportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * X.509 work for {@code TlsIdentity}: a self-signed ECDSA P-256 certificate built from Bouncy
 * Castle's ASN.1 classes and signed with the JDK, PEM reading and writing (RFC 7468), and the
 * SHA-256 fingerprint in the RFC 8122 notation.
 */
@API(status = INTERNAL, since = "0.1")
public final class Certificates {

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private Certificates() {}

    /** A certificate and its key. */
    @API(status = INTERNAL, since = "0.1")
    public record Pair(PrivateKey key, List<X509Certificate> chain) {

        /** Copies the chain. */
        public Pair {
            chain = List.copyOf(chain);
        }
    }

    /**
     * Makes a self-signed certificate for the names (each an IP literal or a DNS name) with a new
     * ECDSA P-256 key.
     *
     * @param names the subject alternative names; the first is also the common name
     * @param notBefore the start of validity
     * @param notAfter the end of validity
     * @return the key and the certificate
     */
    public static Pair selfSigned(List<String> names, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = kpg.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, names.get(0))
                    .build();
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            // RFC 5280 4.1.2.2: a positive serial of at most 20 octets
            tbs.setSerialNumber(new ASN1Integer(new BigInteger(159, new SecureRandom()).add(BigInteger.ONE)));
            tbs.setSignature(algorithm);
            tbs.setIssuer(subject);
            tbs.setSubject(subject);
            tbs.setStartDate(new Time(Date.from(notBefore)));
            tbs.setEndDate(new Time(Date.from(notAfter)));
            tbs.setSubjectPublicKeyInfo(
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            extensions.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
            }));
            List<GeneralName> alt = new ArrayList<>();
            for (String name : names) {
                alt.add(
                        isIpLiteral(name)
                                ? new GeneralName(GeneralName.iPAddress, unbracket(name))
                                : new GeneralName(GeneralName.dNSName, name));
            }
            extensions.addExtension(
                    Extension.subjectAlternativeName, false, new GeneralNames(alt.toArray(GeneralName[]::new)));
            tbs.setExtensions(extensions.generate());
            TBSCertificate toSign = tbs.generateTBSCertificate();
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(toSign.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector certificate = new ASN1EncodableVector();
            certificate.add(toSign);
            certificate.add(algorithm);
            certificate.add(new DERBitString(signer.sign()));
            X509Certificate x509 = parseCertificate(new DERSequence(certificate).getEncoded(ASN1Encoding.DER));
            x509.verify(keys.getPublic());
            return new Pair(keys.getPrivate(), List.of(x509));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw tlsError("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static X509Certificate parseCertificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    static boolean isIpLiteral(String name) {
        String h = unbracket(name);
        if (h.indexOf(':') >= 0) {
            return true;
        }
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String unbracket(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /**
     * Reads a certificate chain (leaf first) and a private key from PEM text and checks that the key
     * belongs to the leaf.
     *
     * @param certificatePem one or more {@code CERTIFICATE} blocks
     * @param keyPem a {@code PRIVATE KEY} (PKCS #8), {@code RSA PRIVATE KEY} (PKCS #1) or {@code EC
     *     PRIVATE KEY} (RFC 5915) block
     * @return the pair
     */
    public static Pair fromPem(String certificatePem, String keyPem) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Block b : blocks(certificatePem)) {
            if (b.label.equals("CERTIFICATE")) {
                try {
                    chain.add(parseCertificate(b.der));
                } catch (GeneralSecurityException e) {
                    throw tlsError("a CERTIFICATE block is not an X.509 certificate: " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw tlsError("no CERTIFICATE block in the certificate file", null);
        }
        List<Block> keys = blocks(keyPem).stream()
                .filter(b -> b.label.endsWith("PRIVATE KEY"))
                .toList();
        if (keys.size() != 1) {
            throw tlsError("the key file must hold exactly one private key block, found " + keys.size(), null);
        }
        PrivateKey key = privateKey(keys.get(0));
        checkMatch(key, chain.get(0).getPublicKey());
        return new Pair(key, chain);
    }

    private record Block(String label, byte[] der) {}

    private static List<Block> blocks(String pem) {
        List<Block> out = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw tlsError("a " + m.group(1) + " block is not valid base64", e);
            }
        }
        return out;
    }

    private static PrivateKey privateKey(Block block) {
        try {
            PrivateKeyInfo info;
            switch (block.label) {
                case "PRIVATE KEY" -> info = PrivateKeyInfo.getInstance(block.der);
                case "RSA PRIVATE KEY" ->
                    info = new PrivateKeyInfo(
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                            RSAPrivateKey.getInstance(block.der));
                case "EC PRIVATE KEY" -> {
                    ECPrivateKey ec = ECPrivateKey.getInstance(block.der);
                    ASN1Encodable curve = ec.getParametersObject();
                    if (curve == null) {
                        throw tlsError("the EC PRIVATE KEY names no curve", null);
                    }
                    info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec);
                }
                case "ENCRYPTED PRIVATE KEY" ->
                    throw tlsError("an encrypted private key is not supported; decrypt it first (openssl pkcs8)", null);
                default -> throw tlsError("unsupported key block " + block.label, null);
            }
            String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
            String algorithm = switch (oid) {
                case "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.10" -> "RSA";
                case "1.2.840.10045.2.1" -> "EC";
                case "1.3.101.112" -> "Ed25519";
                case "1.3.101.113" -> "Ed448";
                default -> throw tlsError("unsupported private key algorithm " + oid, null);
            };
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded(ASN1Encoding.DER)));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw tlsError("cannot read the " + block.label + ": " + e.getMessage(), e);
        }
    }

    private static void checkMatch(PrivateKey key, PublicKey publicKey) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "remotebank key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] signature = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(publicKey);
            v.update(probe);
            if (!v.verify(signature)) {
                throw tlsError("the private key does not belong to the certificate", null);
            }
        } catch (GeneralSecurityException e) {
            throw tlsError("the private key does not belong to the certificate: " + e.getMessage(), e);
        }
    }

    /**
     * PEM text of certificates (RFC 7468 5).
     *
     * @param chain the certificates
     * @return the text
     */
    public static String certificatesPem(List<? extends Certificate> chain) {
        StringBuilder sb = new StringBuilder();
        try {
            for (Certificate c : chain) {
                sb.append(pem("CERTIFICATE", c.getEncoded()));
            }
        } catch (GeneralSecurityException e) {
            throw tlsError("cannot encode a certificate", e);
        }
        return sb.toString();
    }

    /**
     * PEM text of a private key in PKCS #8 (RFC 7468 10).
     *
     * @param key the key
     * @return the text
     */
    public static String privateKeyPem(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null || !"PKCS#8".equals(key.getFormat())) {
            throw tlsError("the private key cannot be exported in PKCS #8", null);
        }
        return pem("PRIVATE KEY", der);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /**
     * The SHA-256 fingerprint of a certificate as RFC 8122 5 writes it: upper-case hex pairs joined
     * by colons.
     *
     * @param certificate the certificate
     * @return e.g. {@code 4A:AD:...}
     */
    public static String sha256Fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw tlsError("cannot fingerprint the certificate", e);
        }
    }

    private static SipTransportException tlsError(String message, Throwable cause) {
        return new SipTransportException(SignalingError.SIP_TLS, message, cause);
    }
}
