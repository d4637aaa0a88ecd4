package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CryptoException;
import io.remotebank.core.CustomerId;
import io.remotebank.core.RbException;
import io.remotebank.core.crypto.EncryptedField;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import io.remotebank.identity.spi.ArtefactVault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The embedded file vault: one file per artefact, {@code DIR/<customer>/<sha256>.<KIND>.artefact}, the
 * customer directory named by the SHA-256 of the customer id so that file names reveal nobody. A
 * file holds its kind, media type and when it was stored in clear (needed to enforce retention
 * without keys) and the bytes encrypted with the customer's data key (rb-core's field
 * encryption), bound to hash, kind and media type. Shredding destroys the key, deletes the files
 * and leaves a marker so that a restarted vault refuses the customer too.
 */
@API(status = INTERNAL, since = "0.1")
public final class FileVault implements ArtefactVault {

    private static final String MAGIC = "rb-identity-artefact 1";
    private static final String SUFFIX = ".artefact";
    private static final String SHREDDED = "shredded";

    private final Path directory;
    private final FieldEncryption fields;
    private final int maxBytes;
    private final Duration retention;
    private final Clock clock;

    public FileVault(Path directory, FieldEncryption fields, int maxBytes, Duration retention, Clock clock) {
        this.directory = directory;
        this.fields = fields;
        this.maxBytes = maxBytes;
        this.retention = retention;
        this.clock = clock;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw failed("cannot create the vault directory " + directory, e);
        }
    }

    @Override
    public synchronized ArtefactRef put(CustomerId customer, Artefact artefact) {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(artefact, "artefact");
        if (artefact.size() > maxBytes) {
            throw new IdentityException(
                    IdentityError.ARTEFACT_TOO_LARGE,
                    "an artefact of " + artefact.size() + " bytes is above the vault's " + maxBytes);
        }
        Path dir = customerDirectory(customer);
        if (Files.exists(dir.resolve(SHREDDED))) {
            throw new IdentityException(IdentityError.ARTEFACT_SHREDDED, "the customer's artefacts were shredded");
        }
        ArtefactRef ref = artefact.ref();
        Path file = dir.resolve(fileName(ref));
        if (Files.exists(file)) {
            return ref; // the same bytes are kept once; retention counts from the first time
        }
        EncryptedField sealed = fields.encrypt(customer, artefact.bytes(), context(ref));
        String text = MAGIC + "\n" + ref.kind().name() + "\n" + ref.mediaType() + "\n" + clock.instant() + "\n"
                + sealed.encode() + "\n";
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ref.sha256(), ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw failed("cannot write an artefact to the vault", e);
        }
        return ref;
    }

    @Override
    public synchronized Optional<Artefact> get(CustomerId customer, ArtefactRef ref) {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(ref, "ref");
        Path file = customerDirectory(customer).resolve(fileName(ref));
        Optional<Kept> kept = read(file);
        if (kept.isEmpty() || expired(kept.get())) {
            return Optional.empty();
        }
        Kept k = kept.get();
        if (k.kind() != ref.kind()) {
            throw new IdentityException(
                    IdentityError.STORE_CORRUPT, "vault file " + file.getFileName() + " holds another kind");
        }
        if (!k.mediaType().equals(ref.mediaType())) {
            return Optional.empty(); // the same bytes kept with another media type are not this artefact
        }
        byte[] bytes;
        try {
            bytes = fields.decrypt(k.sealed(), context(ref));
        } catch (CryptoException e) {
            throw new IdentityException(
                    IdentityError.STORE_CORRUPT, "vault file " + file.getFileName() + " fails authentication", e);
        }
        return Optional.of(Artefact.of(k.kind(), k.mediaType(), bytes));
    }

    @Override
    public synchronized int shred(CustomerId customer) {
        Arguments.notNull(customer, "customer");
        Path dir = customerDirectory(customer);
        int removed;
        try {
            Files.createDirectories(dir);
            // The marker first: a crash after it still refuses the customer, and the key goes next.
            Files.writeString(dir.resolve(SHREDDED), "", StandardCharsets.UTF_8);
            fields.shred(customer);
            removed = 0;
            for (Path file : artefactFiles(dir)) {
                Files.deleteIfExists(file);
                removed++;
            }
        } catch (IOException e) {
            throw failed("cannot shred the customer's artefacts", e);
        }
        return removed;
    }

    /** Deletes every artefact kept longer than the retention; returns how many. */
    public synchronized int removeExpired() {
        int removed = 0;
        try (DirectoryStream<Path> customers = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path dir : customers) {
                for (Path file : artefactFiles(dir)) {
                    Optional<Kept> kept = read(file);
                    if (kept.isPresent() && expired(kept.get())) {
                        Files.deleteIfExists(file);
                        removed++;
                    }
                }
            }
        } catch (IOException e) {
            throw failed("cannot apply the vault's retention", e);
        }
        return removed;
    }

    private boolean expired(Kept kept) {
        return !clock.instant().isBefore(kept.storedAt().plus(retention));
    }

    private record Kept(ArtefactKind kind, String mediaType, Instant storedAt, EncryptedField sealed) {}

    private Optional<Kept> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failed("cannot read an artefact from the vault", e);
        }
        String[] lines = text.split("\n", -1);
        try {
            if (lines.length != 6 || !lines[0].equals(MAGIC) || !lines[5].isEmpty()) {
                throw new IllegalArgumentException("not a vault file");
            }
            return Optional.of(new Kept(
                    ArtefactKind.valueOf(lines[1]), lines[2], Instant.parse(lines[3]), EncryptedField.parse(lines[4])));
        } catch (IllegalArgumentException | DateTimeParseException | RbException e) {
            throw new IdentityException(
                    IdentityError.STORE_CORRUPT, "vault file " + file.getFileName() + " cannot be read", e);
        }
    }

    /** By hash and kind: the same bytes kept as two kinds of evidence are two artefacts. */
    private static String fileName(ArtefactRef ref) {
        return ref.sha256() + "." + ref.kind().name() + SUFFIX;
    }

    private static List<Path> artefactFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .toList();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path customerDirectory(CustomerId customer) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("rb-identity-vault:" + customer.value()).getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Binds the ciphertext to its hash, kind and media type, so one file cannot pose as another. */
    private static byte[] context(ArtefactRef ref) {
        return ("rb-identity-artefact:" + ref.kind() + ":" + ref.sha256() + ":" + ref.mediaType())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static IdentityException failed(String message, IOException e) {
        return new IdentityException(IdentityError.STORE_FAILED, message + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "FileVault[" + directory + ", retention " + retention + "]";
    }
}
