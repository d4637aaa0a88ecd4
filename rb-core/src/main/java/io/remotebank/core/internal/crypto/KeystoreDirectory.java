package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.StorageException;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apiguardian.api.API;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A password-protected keystore directory: {@code keystore.json} (format, KDF, salt, a check value)
 * and one file per key under {@code keys/}, named by the SHA-256 of its id. Key material is sealed
 * with a master key derived from the password (PBKDF2 with HMAC-SHA256 and AES-256-GCM, or with
 * HMAC-SM3 and SM4-GCM), bound to the key's id, type and creation time. One file per key makes
 * destroying a key a replacement of its file, so the material leaves the disk (crypto-shredding);
 * files are written to a temporary name, forced, then renamed atomically.
 */
@API(status = INTERNAL, since = "0.1")
public final class KeystoreDirectory implements KeyStorage {

    /** The format name written in keystore.json. */
    public static final String FORMAT = "rb-keystore/1";

    private static final Logger LOG = LoggerFactory.getLogger(KeystoreDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] CHECK = "rb-keystore-check".getBytes(StandardCharsets.US_ASCII);

    private final Path directory;
    private final Path keys;
    private final CryptoSuite protection;
    private final byte[] masterKey;
    private final ConcurrentSkipListMap<String, StoredKey> index = new ConcurrentSkipListMap<>();

    private KeystoreDirectory(Path directory, CryptoSuite protection, byte[] masterKey) {
        this.directory = directory;
        this.keys = directory.resolve("keys");
        this.protection = protection;
        this.masterKey = masterKey;
    }

    /**
     * Opens a keystore directory, creating it when it holds no keystore yet.
     *
     * @param directory the directory
     * @param password the password (not kept)
     * @param protection the suite that protects a new keystore (an existing one names its own)
     * @param iterations PBKDF2 iterations for a new keystore
     * @return the storage
     * @throws CryptoException with {@link CoreError#KEYSTORE_LOCKED} for a wrong password
     * @throws StorageException when files cannot be read or are damaged
     */
    public static KeystoreDirectory open(Path directory, char[] password, CryptoSuite protection, int iterations) {
        Path header = directory.resolve("keystore.json");
        try {
            Files.createDirectories(directory.resolve("keys"));
            KeystoreDirectory store;
            if (Files.exists(header)) {
                JsonNode node;
                try {
                    node = JSON.readTree(Files.readAllBytes(header));
                } catch (JsonProcessingException e) {
                    throw new StorageException(CoreError.STORAGE_CORRUPT, header + " is not valid JSON", e);
                }
                if (!FORMAT.equals(text(node, "format", header))) {
                    throw new StorageException(
                            CoreError.STORAGE_CORRUPT, header + " is not an " + FORMAT + " keystore");
                }
                CryptoSuite suite = CryptoSuite.named(text(node, "protection", header));
                byte[] salt = Base64.getDecoder().decode(text(node, "salt", header));
                int rounds = node.path("iterations").asInt();
                byte[] master = derive(password, salt, rounds, suite);
                try {
                    suite.open(master, Base64.getDecoder().decode(text(node, "check", header)), CHECK);
                } catch (CryptoException e) {
                    Arrays.fill(master, (byte) 0);
                    throw new CryptoException(
                            CoreError.KEYSTORE_LOCKED, "cannot open the keystore " + directory + ": wrong password", e);
                }
                store = new KeystoreDirectory(directory, suite, master);
            } else {
                byte[] salt = new byte[16];
                Checks.RANDOM.nextBytes(salt);
                byte[] master = derive(password, salt, iterations, protection);
                ObjectNode node = JSON.createObjectNode()
                        .put("format", FORMAT)
                        .put("protection", protection.name())
                        .put("kdf", "PBKDF2-HMAC-" + protection.digestAlgorithm())
                        .put("iterations", iterations)
                        .put("salt", Base64.getEncoder().encodeToString(salt))
                        .put("check", Base64.getEncoder().encodeToString(protection.seal(master, CHECK, CHECK)));
                writeAtomically(header, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
                store = new KeystoreDirectory(directory, protection, master);
                LOG.info(
                        "Created keystore {} ({} protection, {} PBKDF2 iterations)",
                        directory,
                        protection.name(),
                        iterations);
            }
            store.load();
            return store;
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException(
                    CoreError.STORAGE_FAILED, "cannot open the keystore " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredKey> get(KeyId id) {
        return Optional.ofNullable(index.get(id.value()));
    }

    @Override
    public void create(StoredKey key) {
        byte[] ciphertext = protection.seal(masterKey, key.material(), binding(key));
        StoredKey held =
                new StoredKey(key.id(), key.type(), key.created(), key.destroyed(), key.publicKey(), ciphertext);
        write(held);
        index.put(key.id().value(), held);
    }

    @Override
    public void destroy(StoredKey tombstone) {
        write(tombstone);
        index.put(tombstone.id().value(), tombstone);
    }

    @Override
    public List<KeyId> live(String prefix) {
        return MemoryKeyStorage.livePrefix(index, prefix);
    }

    @Override
    public byte[] reveal(StoredKey key) {
        try {
            return protection.open(masterKey, key.material(), binding(key));
        } catch (CryptoException e) {
            throw new StorageException(
                    CoreError.STORAGE_CORRUPT, "the stored material of key " + key.id() + " does not authenticate", e);
        }
    }

    @Override
    public String toString() {
        return "KeystoreDirectory[" + directory + "]";
    }

    private void load() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keys)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file); // an interrupted write, never renamed into place
                    continue;
                }
                if (!name.endsWith(".key")) {
                    continue;
                }
                StoredKey key = read(file);
                if (!fileName(key.id()).equals(name)) {
                    throw new StorageException(
                            CoreError.STORAGE_CORRUPT, file + " holds key " + key.id() + ", not its own");
                }
                index.put(key.id().value(), key);
            }
        }
    }

    private StoredKey read(Path file) throws IOException {
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            KeyId id = KeyId.of(text(node, "id", file));
            KeyType type = KeyType.valueOf(text(node, "type", file));
            Instant created = Instant.parse(text(node, "created", file));
            Optional<Instant> destroyed = node.hasNonNull("destroyed")
                    ? Optional.of(Instant.parse(node.get("destroyed").asText()))
                    : Optional.empty();
            byte[] publicKey = node.hasNonNull("public")
                    ? Base64.getDecoder().decode(node.get("public").asText())
                    : null;
            byte[] material = node.hasNonNull("material")
                    ? Base64.getDecoder().decode(node.get("material").asText())
                    : null;
            if (destroyed.isEmpty() && (material == null || (type.asymmetric() && publicKey == null))) {
                throw new IllegalArgumentException("a live key without its material");
            }
            return new StoredKey(id, type, created, destroyed, publicKey, material);
        } catch (RuntimeException | JsonProcessingException e) {
            throw new StorageException(
                    CoreError.STORAGE_CORRUPT, file + " is not a valid key file: " + e.getMessage(), e);
        }
    }

    private void write(StoredKey key) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", key.id().value())
                .put("type", key.type().name())
                .put("created", key.created().toString());
        key.destroyed().ifPresent(d -> node.put("destroyed", d.toString()));
        if (key.publicKey() != null) {
            node.put("public", Base64.getEncoder().encodeToString(key.publicKey()));
        }
        if (key.material() != null) {
            node.put("material", Base64.getEncoder().encodeToString(key.material()));
        }
        try {
            writeAtomically(keys.resolve(fileName(key.id())), JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new StorageException(
                    CoreError.STORAGE_FAILED, "cannot write key " + key.id() + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp =
                target.resolveSibling(target.getFileName() + "." + Long.toHexString(Checks.RANDOM.nextLong()) + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(target.getParent());
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for fsync; the rename is still atomic there.
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    private static String fileName(KeyId id) {
        return HexFormat.of()
                        .formatHex(CryptoSuite.international().digest(id.value().getBytes(StandardCharsets.UTF_8)))
                + ".key";
    }

    private static byte[] binding(StoredKey key) {
        return (FORMAT + "|" + key.id().value() + "|" + key.type().name() + "|" + key.created())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new StorageException(CoreError.STORAGE_CORRUPT, file + " lacks the field '" + field + "'");
        }
        return value.asText();
    }

    /** PBKDF2 (RFC 8018) with HMAC over the suite's hash, giving a key for the suite's AEAD. */
    static byte[] derive(char[] password, byte[] salt, int iterations, CryptoSuite suite) {
        Digest digest = suite.name().equals("SM") ? new SM3Digest() : new SHA256Digest();
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        byte[] passwordBytes = PKCS5S2ParametersGenerator.PKCS5PasswordToUTF8Bytes(password);
        try {
            generator.init(passwordBytes, salt, iterations);
            int keyBits = suite.secretKeyType() == KeyType.SM4 ? 128 : 256;
            return ((KeyParameter) generator.generateDerivedParameters(keyBits)).getKey();
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }
}
