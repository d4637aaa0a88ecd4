package io.remotebank.examples.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The lifecycle shared by {@code rb} server commands ({@code rb sip-server}, {@code rb smsc-sim},
 * ...): start, announce a {@code ready} event naming the bound ports, run until SIGINT or SIGTERM,
 * then shut down gracefully and announce {@code stopped}.
 *
 * <p>With {@code --json} each event is one JSON object per line on stdout; otherwise a short text
 * line. A subclass implements {@link #start()} and returns a {@link RunningServer}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ServerCommand implements Callable<Integer> {

    /** How long the shutdown hook waits for a graceful stop before the JVM exits anyway. */
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    /** A started server. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public interface RunningServer extends AutoCloseable {

        /**
         * The bound ports by name, e.g. {@code {"udp": 5060, "tcp": 5060}}.
         *
         * @return the ports
         */
        Map<String, Integer> ports();

        /** Stops the server gracefully; does not throw checked exceptions. */
        @Override
        void close();
    }

    @Mixin
    private OutputOptions output = new OutputOptions();

    @Spec
    private CommandSpec spec;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CompletableFuture<Map<String, Integer>> ready = new CompletableFuture<>();

    /** For subclasses. */
    protected ServerCommand() {}

    /**
     * Starts the server; called once.
     *
     * @return the running server
     * @throws Exception when it cannot start (e.g. a port in use): the command exits with 3
     */
    protected abstract RunningServer start() throws Exception;

    /** The output options of this command. */
    protected final OutputOptions output() {
        return output;
    }

    /** Completes with the bound ports once the server is ready (for tests and embedding). */
    public final CompletableFuture<Map<String, Integer>> ready() {
        return ready;
    }

    /** Asks the running command to shut down, as SIGINT or SIGTERM would. */
    public final void requestStop() {
        stopRequested.countDown();
    }

    @Override
    public final Integer call() throws Exception {
        RunningServer server;
        try {
            server = start();
        } catch (Exception e) {
            ready.completeExceptionally(e);
            throw e;
        }
        Thread hook = new Thread(
                () -> {
                    requestStop();
                    try {
                        stopped.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                spec.name() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Map<String, Integer> ports = Collections.unmodifiableMap(new TreeMap<>(server.ports()));
            event("ready", ports);
            ready.complete(ports);
            stopRequested.await();
            server.close();
            event("stopped", Map.of());
            return ExitCodes.OK;
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
    }

    private void event(String name, Map<String, Integer> ports) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            ObjectNode event = Json.object().put("event", name).put("command", spec.name());
            if (!ports.isEmpty()) {
                ObjectNode portsNode = event.putObject("ports");
                ports.forEach(portsNode::put);
            }
            out.println(Json.line(event));
        } else if (ports.isEmpty()) {
            out.println(spec.name() + ": " + name);
        } else {
            out.println(spec.name() + ": " + name + " " + ports);
        }
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and will see `stopped`.
        }
    }
}
