package io.remotebank.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.examples.RbCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ServerCommandTest {

    /** A server command over one TCP listener, to exercise the lifecycle. */
    @Command(name = "echo-server")
    static class ListenerCommand extends ServerCommand {
        volatile ServerSocket socket;
        volatile boolean closed;
        boolean failToStart;

        @Override
        protected RunningServer start() throws IOException {
            if (failToStart) {
                throw new java.net.BindException("Address already in use");
            }
            socket = new ServerSocket(0);
            return new RunningServer() {
                @Override
                public Map<String, Integer> ports() {
                    return Map.of("tcp", socket.getLocalPort());
                }

                @Override
                public void close() {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    closed = true;
                }
            };
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CompletableFuture<Integer> runAsync(ListenerCommand command, String... args) {
        CommandLine cl = RbCli.configure(new CommandLine(command));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return CompletableFuture.supplyAsync(() -> cl.execute(args));
    }

    @Test
    void json_readyEventNamesTheBoundPorts_thenStopsGracefully() throws Exception {
        ListenerCommand command = new ListenerCommand();
        CompletableFuture<Integer> exit = runAsync(command, "--json");

        Map<String, Integer> ports = command.ready().get(10, TimeUnit.SECONDS);
        command.requestStop();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(command.closed).isTrue();
        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(2);
        JsonNode ready = new ObjectMapper().readTree(lines[0]);
        assertThat(ready.get("event").asText()).isEqualTo("ready");
        assertThat(ready.get("command").asText()).isEqualTo("echo-server");
        assertThat(ready.at("/ports/tcp").asInt()).isEqualTo(ports.get("tcp")).isPositive();
        assertThat(new ObjectMapper().readTree(lines[1]).get("event").asText()).isEqualTo("stopped");
    }

    @Test
    void text_readyLineNamesThePorts() throws Exception {
        ListenerCommand command = new ListenerCommand();
        CompletableFuture<Integer> exit = runAsync(command);

        Map<String, Integer> ports = command.ready().get(10, TimeUnit.SECONDS);
        command.requestStop();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("echo-server: ready {tcp=" + ports.get("tcp") + "}");
    }

    @Test
    void failureToStart_isARuntimeError() throws Exception {
        ListenerCommand command = new ListenerCommand();
        command.failToStart = true;

        assertThat(runAsync(command).get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(err.toString()).contains("echo-server: error: Address already in use");
        assertThat(command.ready()).isCompletedExceptionally();
    }
}
