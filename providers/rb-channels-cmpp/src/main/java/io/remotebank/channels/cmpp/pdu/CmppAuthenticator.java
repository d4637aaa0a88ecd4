package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import org.apiguardian.api.API;

/**
 * The login proofs of CMPP_CONNECT and CMPP_CONNECT_RESP (CMPP 3.0 sections 7.4.1.1 and 7.4.1.2).
 * MD5 is what the standard prescribes; it proves knowledge of the shared secret to a peer on a link
 * that the carrier protects (a private line or a VPN), not more.
 *
 * <ul>
 *   <li>AuthenticatorSource = MD5(Source_Addr + 9 zero bytes + shared secret + timestamp), the
 *       timestamp as its ten digits MMDDHHMMSS;
 *   <li>AuthenticatorISMG = MD5(Status + AuthenticatorSource + shared secret), the Status in its wire
 *       width (four bytes in 3.0, one in 2.0).
 * </ul>
 *
 * The shared secret is taken as bytes: the carrier assigns it as ASCII text.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CmppAuthenticator {

    private CmppAuthenticator() {}

    /**
     * The Timestamp of a CONNECT: the month, day, hour, minute and second as the decimal number
     * MMDDHHMMSS (section 7.4.1.1), read from the caller's clock.
     *
     * @param at the local time in the carrier's time zone
     * @return e.g. 1207214500 for 7 December, 21:45:00
     */
    public static long timestamp(LocalDateTime at) {
        Arguments.notNull(at, "time");
        return at.getMonthValue() * 100_000_000L
                + at.getDayOfMonth() * 1_000_000L
                + at.getHour() * 10_000L
                + at.getMinute() * 100L
                + at.getSecond();
    }

    /**
     * AuthenticatorSource.
     *
     * @param sourceAddr the SP's enterprise code, up to 6 characters
     * @param sharedSecret the secret the carrier assigned
     * @param timestamp the CONNECT's Timestamp, MMDDHHMMSS, 0-9999999999
     * @return 16 bytes
     */
    public static byte[] source(String sourceAddr, byte[] sharedSecret, long timestamp) {
        Octets.octetString(sourceAddr, 6, "Source_Addr");
        Arguments.notNull(sharedSecret, "shared secret");
        Arguments.inRange(timestamp, 0, 9_999_999_999L, "Timestamp");
        MessageDigest md5 = md5();
        md5.update(sourceAddr.getBytes(StandardCharsets.ISO_8859_1));
        md5.update(new byte[9]);
        md5.update(sharedSecret);
        // Ten digits, right-aligned with leading zeros: January gives 01DDHHMMSS.
        md5.update(String.format("%010d", timestamp).getBytes(StandardCharsets.US_ASCII));
        return md5.digest();
    }

    /**
     * A CONNECT for a version, its authenticator computed from the secret and the time.
     *
     * @param sequenceId the Sequence_Id
     * @param sourceAddr the SP's enterprise code
     * @param sharedSecret the secret
     * @param version the version to ask for
     * @param at the local time, from the caller's clock
     * @return the CONNECT
     */
    public static CmppPdu.Connect connect(
            int sequenceId, String sourceAddr, byte[] sharedSecret, CmppVersion version, LocalDateTime at) {
        Arguments.notNull(version, "version");
        long timestamp = timestamp(at);
        return new CmppPdu.Connect(
                sequenceId, sourceAddr, source(sourceAddr, sharedSecret, timestamp), version.code(), timestamp);
    }

    /**
     * Whether a CONNECT's AuthenticatorSource matches the secret (compared in constant time).
     *
     * @param connect the CONNECT received
     * @param sharedSecret the secret the ISMG holds for its Source_Addr
     * @return whether it matches
     */
    public static boolean verify(CmppPdu.Connect connect, byte[] sharedSecret) {
        Arguments.notNull(connect, "connect");
        return MessageDigest.isEqual(
                connect.authenticatorSource(), source(connect.sourceAddr(), sharedSecret, connect.timestamp()));
    }

    /**
     * AuthenticatorISMG.
     *
     * @param status the CONNECT_RESP's Status
     * @param authenticatorSource the CONNECT's AuthenticatorSource
     * @param sharedSecret the secret
     * @param version the version whose Status width to hash
     * @return 16 bytes
     */
    public static byte[] ismg(long status, byte[] authenticatorSource, byte[] sharedSecret, CmppVersion version) {
        Arguments.notNull(version, "version");
        Arguments.inRange(status, 0, version.maxResult(), "Status");
        Arguments.length(authenticatorSource, 16, 16, "AuthenticatorSource");
        Arguments.notNull(sharedSecret, "shared secret");
        MessageDigest md5 = md5();
        if (version.resultLength() == 1) {
            md5.update((byte) status);
        } else {
            md5.update(
                    new byte[] {(byte) (status >>> 24), (byte) (status >>> 16), (byte) (status >>> 8), (byte) status});
        }
        md5.update(authenticatorSource);
        md5.update(sharedSecret);
        return md5.digest();
    }

    /**
     * Whether a CONNECT_RESP proves that the ISMG knows the secret (compared in constant time).
     *
     * @param resp the CONNECT_RESP received
     * @param authenticatorSource the AuthenticatorSource the client sent
     * @param sharedSecret the secret
     * @param version the version the client speaks
     * @return whether it matches
     */
    public static boolean verify(
            CmppPdu.ConnectResp resp, byte[] authenticatorSource, byte[] sharedSecret, CmppVersion version) {
        Arguments.notNull(resp, "resp");
        return MessageDigest.isEqual(
                resp.authenticatorIsmg(), ismg(resp.status(), authenticatorSource, sharedSecret, version));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5 (java.security.MessageDigest's class comment).
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }
}
