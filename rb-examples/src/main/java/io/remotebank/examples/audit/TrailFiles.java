package io.remotebank.examples.audit;

import io.remotebank.core.AuditException;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.examples.cli.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where a demo trail keeps its parts, and the options the audit commands share. */
final class TrailFiles {

    static final String SIGNER_PEM = "signer.pem";
    static final String KEYSTORE = "keys";

    private TrailFiles() {}

    static Path signerPem(Path dir) {
        return dir.resolve(SIGNER_PEM);
    }

    static Path keystore(Path dir) {
        return dir.resolve(KEYSTORE);
    }

    /**
     * Reads a checkpoint exported by {@code rb audit checkpoint --export}: its JSON, one line.
     *
     * @throws ParameterException when the file holds no checkpoint (exit 2)
     * @throws IOException when it cannot be read (exit 3)
     */
    static Checkpoint readExported(Path file, CommandLine commandLine, String option) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new IOException("no exported checkpoint at " + file, e);
        }
        try {
            return Checkpoint.parse(text);
        } catch (AuditException e) {
            throw new ParameterException(
                    commandLine,
                    option + " " + file + " is not a checkpoint exported by rb audit checkpoint --export: "
                            + e.getMessage());
        }
    }

    /** Writes a checkpoint for {@link #readExported}: to a temporary file, then moved into place. */
    static void writeExported(Checkpoint checkpoint, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = Files.createTempFile(parent, absolute.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temporary, checkpoint.toJson() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** {@code --keystore-password}, {@code --keystore-password-file}, {@code --keystore-password-env}. */
    static final class PasswordOptions {
        @Option(names = "--keystore-password", description = "The keystore password (prefer -file or -env).")
        String value;

        @Option(
                names = "--keystore-password-file",
                paramLabel = "FILE",
                description = "Read the keystore password from FILE.")
        Path file;

        @Option(
                names = "--keystore-password-env",
                paramLabel = "VAR",
                description = "Read the keystore password from VAR.")
        String env;

        Optional<Secret> resolve(Function<String, String> environment) {
            return Secret.resolve("--keystore-password", value, file, env, environment);
        }
    }

    /** {@code --public-key FILE}: the signer's key, or the self-asserted {@code signer.pem} beside the trail. */
    static final class KeyOptions {
        @Option(
                names = "--public-key",
                paramLabel = "FILE",
                description = "The signer's public key (PEM) from a trusted source. Without it, DIR/signer.pem is"
                        + " used, which only proves the trail is consistent with itself.")
        Path file;

        /**
         * The key to trust.
         *
         * @param trail the trail's directory
         * @param err where the self-asserted warning goes
         * @param command the command, for the warning
         * @return the key and where it came from
         * @throws IOException when there is no key file (exit 3)
         */
        TrustedKey resolve(Path trail, PrintWriter err, String command) throws IOException {
            boolean selfAsserted = file == null;
            Path keyFile = selfAsserted ? signerPem(trail) : file;
            PublicKeyInfo key;
            try {
                key = PublicKeyInfo.fromPem(Files.readString(keyFile));
            } catch (NoSuchFileException e) {
                throw new IOException(
                        "no public key at " + keyFile + (selfAsserted ? "; pass --public-key FILE" : ""), e);
            }
            if (selfAsserted) {
                err.println(command + ": using " + keyFile + " found beside the trail: that key is self-asserted"
                        + " (whoever could rewrite the trail could replace it); pass --public-key from a trusted"
                        + " source");
            }
            return new TrustedKey(key, keyFile, selfAsserted);
        }
    }

    /** A key to trust, and whether it only came from beside the trail. */
    record TrustedKey(PublicKeyInfo key, Path file, boolean selfAsserted) {}
}
