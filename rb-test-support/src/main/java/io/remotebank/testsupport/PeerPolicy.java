package io.remotebank.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * Decides what a test does when a real peer it needs (an OS command such as {@code sipp}, or a
 * server such as PostgreSQL) is missing: skip with a clear message on a developer's machine, fail
 * when {@value #REQUIRE_PEERS_ENV}=1 (set by {@code .ci/run}, which installs every peer).
 *
 * <p>The environment is injected so that the policy itself can be tested; {@link #fromEnvironment()}
 * reads the real one.
 */
public final class PeerPolicy {

    /** Environment variable that turns "skip when missing" into "fail when missing". */
    public static final String REQUIRE_PEERS_ENV = "RB_REQUIRE_PEERS";

    /** JUnit configuration parameter with the same meaning; it wins over the environment. */
    public static final String REQUIRE_PEERS_PARAMETER = "rb.requirePeers";

    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9._+-]+");

    private final boolean required;
    private final Function<String, String> environment;

    private PeerPolicy(boolean required, Function<String, String> environment) {
        this.required = required;
        this.environment = environment;
    }

    /** The policy of this process: {@value #REQUIRE_PEERS_ENV} from the environment, PATH from it. */
    public static PeerPolicy fromEnvironment() {
        return of(System::getenv, Optional.empty());
    }

    /**
     * A policy over a given environment.
     *
     * @param environment looks up environment variables ({@code PATH}, {@value #REQUIRE_PEERS_ENV})
     * @param override an explicit "required" setting (e.g. a JUnit configuration parameter) that
     *     wins over the environment when present
     * @return the policy
     */
    public static PeerPolicy of(Function<String, String> environment, Optional<String> override) {
        Objects.requireNonNull(environment, "environment");
        String setting = override.orElseGet(() -> environment.apply(REQUIRE_PEERS_ENV));
        return new PeerPolicy(isTrue(setting), environment);
    }

    /** A policy over a fixed map of environment variables (for tests of the policy itself). */
    public static PeerPolicy of(Map<String, String> environment) {
        return of(Map.copyOf(environment)::get, Optional.empty());
    }

    /** Whether a missing peer fails the test instead of skipping it. */
    public boolean peersRequired() {
        return required;
    }

    /**
     * Finds an executable on {@code PATH}.
     *
     * @param command the command name, e.g. {@code sipp}
     * @return its path, or empty when it is not installed
     */
    public Optional<Path> findCommand(String command) {
        if (command == null || !COMMAND_NAME.matcher(command).matches()) {
            throw new IllegalArgumentException("not a command name: " + command);
        }
        String path = environment.apply("PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the path of a command the test needs, or skips / fails the current test.
     *
     * @param command the command, e.g. {@code sipp}
     * @param debianPackage the Debian package that provides it, named in the message
     * @return the command's absolute path
     */
    public Path requireCommand(String command, String debianPackage) {
        Optional<Path> found = findCommand(command);
        if (found.isPresent()) {
            return found.get();
        }
        missing(command + " is not installed (Debian package " + debianPackage + ")");
        throw new AssertionError("unreachable");
    }

    /**
     * Checks that a TCP server a test needs (e.g. PostgreSQL on 127.0.0.1:5432) accepts
     * connections, or skips / fails the current test.
     *
     * @param what what the server is, named in the message
     * @param host host name or address
     * @param port TCP port
     * @param timeoutMillis how long to wait for the connection
     */
    public void requireTcpServer(String what, String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        } catch (IOException e) {
            missing(what + " is not reachable at " + host + ":" + port + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Reports a missing peer: aborts the test (reported as skipped) or fails it, per the policy.
     *
     * @param reason what is missing
     */
    public void missing(String reason) {
        if (required) {
            throw new AssertionFailedError(
                    reason + "; " + REQUIRE_PEERS_ENV + "=1 requires every real peer (run .ci/run to install them)");
        }
        Assumptions.abort(reason + "; test skipped. Install it (see .ci/run) or set " + REQUIRE_PEERS_ENV
                + "=1 to make this a failure.");
    }

    private static boolean isTrue(String setting) {
        if (setting == null) {
            return false;
        }
        String s = setting.trim().toLowerCase(Locale.ROOT);
        return s.equals("1") || s.equals("true") || s.equals("yes");
    }
}
