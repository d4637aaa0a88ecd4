package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.Arguments;
import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.crypto.SignatureEncoding;
import io.remotebank.core.crypto.SignatureOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A signed statement of the trail's Merkle tree: its size, its root, when, with which hash, signed
 * by which key. A third party who holds the signer's public key can check a checkpoint, then check
 * any event against it with an {@link InclusionProof}, and two checkpoints against each other with a
 * {@link ConsistencyProof}.
 *
 * <p>The signature covers {@link #signedText()}, UTF-8:
 *
 * <pre>
 * rb-audit-checkpoint/1
 * hash: SHA-256
 * size: 1000
 * root: 5b1f...(64 hex digits)
 * time: 2026-11-28T08:00:00Z
 * key: audit/signer
 * </pre>
 *
 * @param size the number of events the tree holds
 * @param root the RFC 6962 root hash, lower-case hex
 * @param time when the checkpoint was made
 * @param hashAlgorithm {@code SHA-256} or {@code SM3}
 * @param signatureAlgorithm {@code ECDSA-P256-SHA256} or {@code SM2-SM3}; DER signatures
 * @param keyId the signer's key id
 * @param userId the SM2 user ID the signature was made with
 * @param signature the signature, Base64
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Checkpoint(
        long size,
        String root,
        Instant time,
        String hashAlgorithm,
        String signatureAlgorithm,
        KeyId keyId,
        Optional<String> userId,
        String signature) {

    /** The first line of the signed text; names the format. */
    public static final String FORMAT = "rb-audit-checkpoint/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates the fields. */
    public Checkpoint {
        Arguments.inRange(size, 0, Long.MAX_VALUE, "size");
        Arguments.notBlank(root, "root");
        Arguments.notNull(time, "time");
        Arguments.notBlank(hashAlgorithm, "hashAlgorithm");
        Arguments.notBlank(signatureAlgorithm, "signatureAlgorithm");
        Arguments.notNull(keyId, "keyId");
        Arguments.notNull(userId, "userId");
        Arguments.notNull(signature, "signature");
    }

    /** The text the signature covers. */
    public String signedText() {
        return FORMAT + "\nhash: " + hashAlgorithm + "\nsize: " + size + "\nroot: " + root + "\ntime: " + time
                + "\nkey: " + keyId.value() + "\n";
    }

    /** The signature options a verifier must use: DER, and the SM2 user ID when there is one. */
    public SignatureOptions signatureOptions() {
        return userId.map(id -> SignatureOptions.sm2(id, SignatureEncoding.DER))
                .orElseGet(() -> SignatureOptions.ecdsa(SignatureEncoding.DER));
    }

    /**
     * Checks the signature with the signer's public key.
     *
     * @param publicKey the public key of {@link #keyId()}
     * @return whether the signature is valid for this key and algorithm
     */
    public boolean verify(PublicKeyInfo publicKey) {
        Arguments.notNull(publicKey, "publicKey");
        CryptoSuite suite = publicKey.type().suite();
        if (!suite.signatureAlgorithm().equals(signatureAlgorithm)) {
            return false;
        }
        try {
            byte[] sig = Base64.getDecoder().decode(signature);
            return suite.verify(publicKey, signedText().getBytes(StandardCharsets.UTF_8), sig, signatureOptions());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The root as bytes. */
    public byte[] rootBytes() {
        return java.util.HexFormat.of().parseHex(root);
    }

    /** One line of JSON, as the trail stores it. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("size", size)
                .put("root", root)
                .put("time", time.toString())
                .put("hash", hashAlgorithm)
                .put("signatureAlgorithm", signatureAlgorithm)
                .put("key", keyId.value());
        userId.ifPresent(id -> node.put("userId", id));
        node.put("signature", signature);
        return node.toString();
    }

    /**
     * Reads a checkpoint from its JSON line.
     *
     * @param json the line
     * @return the checkpoint
     * @throws AuditException with {@link CoreError#AUDIT_TAMPERED} when it is not a checkpoint
     */
    public static Checkpoint parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new Checkpoint(
                    node.get("size").asLong(),
                    text(node, "root"),
                    Instant.parse(text(node, "time")),
                    text(node, "hash"),
                    text(node, "signatureAlgorithm"),
                    KeyId.of(text(node, "key")),
                    node.hasNonNull("userId") ? Optional.of(node.get("userId").asText()) : Optional.empty(),
                    text(node, "signature"));
        } catch (IOException | RuntimeException e) {
            throw new AuditException(CoreError.AUDIT_TAMPERED, "not a valid checkpoint: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value.asText();
    }
}
