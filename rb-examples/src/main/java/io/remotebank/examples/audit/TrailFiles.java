package io.remotebank.examples.audit;

import io.remotebank.examples.cli.Secret;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Where a demo trail keeps its parts, and the keystore password options the commands share. */
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
}
