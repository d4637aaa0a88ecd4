package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apiguardian.api.API;

/**
 * Evidence bytes (an image, a video, a vendor's answer) with what they are. Immutable: the bytes
 * are copied in and out. {@code toString} shows the kind, type, size and hash, never the bytes.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Artefact {

    private final byte[] bytes;
    private final ArtefactRef ref;

    private Artefact(ArtefactKind kind, String mediaType, byte[] bytes) {
        this.bytes = bytes;
        this.ref = new ArtefactRef(sha256(bytes), kind, mediaType, bytes.length);
    }

    /**
     * An artefact.
     *
     * @param kind what it is
     * @param mediaType e.g. {@code image/png}, {@code application/json}
     * @param bytes the content (copied)
     * @return the artefact
     */
    public static Artefact of(ArtefactKind kind, String mediaType, byte[] bytes) {
        Arguments.notNull(kind, "kind");
        Arguments.notNull(mediaType, "mediaType");
        return new Artefact(kind, mediaType, Arguments.notNull(bytes, "bytes").clone());
    }

    /** Its reference: hash, kind, type and size. */
    public ArtefactRef ref() {
        return ref;
    }

    /** What it is. */
    public ArtefactKind kind() {
        return ref.kind();
    }

    /** Its media type. */
    public String mediaType() {
        return ref.mediaType();
    }

    /** The content (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The length in bytes. */
    public int size() {
        return bytes.length;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Artefact a && a.ref.equals(ref) && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }

    @Override
    public String toString() {
        return "Artefact[" + ref.kind() + ", " + ref.mediaType() + ", " + ref.size() + " bytes, sha256 "
                + ref.shortHash() + "]";
    }
}
