package io.remotebank.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.examples.RbCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The example of docs/rb-examples.md: a command that follows the rb conventions, and its tests. */
class ExampleCommandTest {

    // tag::command[]
    @Command(
            name = "probe",
            mixinStandardHelpOptions = true,
            description = "Check that a TCP port accepts connections.")
    static final class ProbeCommand implements Callable<Integer> {

        @Parameters(paramLabel = "HOST:PORT", description = "Where to connect.")
        String target;

        @Mixin
        OutputOptions output = new OutputOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            int colon = target.lastIndexOf(':');
            int port;
            try {
                port = Integer.parseInt(target.substring(colon + 1));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // Bad usage: exit code 2, with the fix named.
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "expected HOST:PORT, got '" + target + "'");
            }
            boolean open;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(target.substring(0, colon), port), 2_000);
                open = true;
            } catch (IOException e) {
                open = false;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                out.println(Json.document(Json.object().put("target", target).put("open", open)));
            } else {
                out.println(target + (open ? " accepts connections" : " refuses connections"));
            }
            // A failed check: exit code 1.
            return open ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }
    // end::command[]

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int probe(String... args) {
        // tag::wire[]
        CommandLine commandLine = RbCli.configure(new CommandLine(new ProbeCommand()));
        // end::wire[]
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void openPort_isOk_json() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            assertThat(probe("127.0.0.1:" + server.getLocalPort(), "--json")).isEqualTo(ExitCodes.OK);
        }

        assertThat(new ObjectMapper().readTree(out.toString()).get("open").asBoolean())
                .isTrue();
    }

    @Test
    void closedPort_isACheckFailure() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0)) {
            port = server.getLocalPort();
        }

        assertThat(probe("127.0.0.1:" + port)).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("refuses connections");
    }

    @Test
    void malformedTarget_isBadUsage() {
        assertThat(probe("localhost")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("expected HOST:PORT, got 'localhost'");
    }
}
