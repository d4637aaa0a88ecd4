package io.remotebank.examples.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A secret given on the command line as {@code --x VALUE}, {@code --x-file FILE} or
 * {@code --x-env VAR}. Its {@code toString} never shows it; {@link #reveal()} returns a copy that
 * the caller should clear after use.
 *
 * <p>A command declares the three options itself (picocli needs their names) and calls {@link
 * #resolve}; exactly one of them must be given.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Secret {

    private final char[] value;
    private final String source;

    private Secret(char[] value, String source) {
        this.value = value;
        this.source = source;
    }

    /**
     * Resolves a secret from whichever of its three options was given.
     *
     * @param option the main option's name, e.g. {@code --password}
     * @param value the {@code --x} value, or null
     * @param file the {@code --x-file} value, or null
     * @param envVariable the {@code --x-env} value, or null
     * @param environment looks up environment variables (normally {@code System::getenv})
     * @return the secret, or empty when none of the three was given
     * @throws IllegalArgumentException when more than one was given, or the file or variable is
     *     missing or empty; the message never contains the secret
     */
    public static Optional<Secret> resolve(
            String option, String value, Path file, String envVariable, Function<String, String> environment) {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(environment, "environment");
        int given = (value != null ? 1 : 0) + (file != null ? 1 : 0) + (envVariable != null ? 1 : 0);
        if (given == 0) {
            return Optional.empty();
        }
        if (given > 1) {
            throw new IllegalArgumentException(
                    "give only one of " + option + ", " + option + "-file and " + option + "-env");
        }
        if (value != null) {
            return Optional.of(of(value.toCharArray(), option));
        }
        if (file != null) {
            return Optional.of(fromFile(option, file));
        }
        String fromEnv = environment.apply(envVariable);
        if (fromEnv == null || fromEnv.isEmpty()) {
            throw new IllegalArgumentException(
                    option + "-env: the environment variable " + envVariable + " is not set or empty");
        }
        return Optional.of(of(fromEnv.toCharArray(), option + "-env " + envVariable));
    }

    private static Secret fromFile(String option, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    option + "-file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Arrays.fill(bytes, (byte) 0);
        // A file written by `echo secret > file` ends with a line break that is not part of it.
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException(option + "-file: " + file + " is empty");
        }
        return of(text.toCharArray(), option + "-file " + file);
    }

    private static Secret of(char[] value, String source) {
        if (value.length == 0) {
            throw new IllegalArgumentException(source + ": the secret is empty");
        }
        return new Secret(value, source);
    }

    /** A copy of the secret; clear it ({@code Arrays.fill(chars, '\0')}) after use. */
    public char[] reveal() {
        return value.clone();
    }

    /** Where the secret came from (option, file or variable name), never its value. */
    public String source() {
        return source;
    }

    /** Never the secret itself. */
    @Override
    public String toString() {
        return "Secret[from " + source + ", ****]";
    }
}
