package io.remotebank.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.OutputOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int demo(List<Demo> demos, String... args) {
        CommandLine cl = new CommandLine(new DemoCommand(demos));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private CommandLine configured(DemoCommand command) {
        CommandLine cl = RbCli.configure(new CommandLine(command));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }

    @Test
    void noDemos_saysSo() {
        assertThat(demo(List.of())).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("No demo is available in this build yet");
    }

    @Test
    void builtIn_listsTheAuditTrailDemo() {
        assertThat(RbCli.execute(new PrintWriter(out), new PrintWriter(err), "demo", "--list"))
                .isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("audit-trail");
    }

    @Test
    void list_json_namesEveryDemo() throws Exception {
        assertThat(demo(List.of(new Fixed("bank-day", 0), new Fixed("audit", 0)), "--list", "--json"))
                .isEqualTo(ExitCodes.OK);

        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("demos")).hasSize(2);
        assertThat(json.get("demos").get(0).get("name").asText()).isEqualTo("bank-day");
    }

    @Test
    void noName_runsTheMainDemo() {
        assertThat(demo(List.of(new Fixed("bank-day", 0), new Fixed("audit", 1))))
                .isEqualTo(0);

        assertThat(out.toString()).isEqualTo("ran bank-day" + System.lineSeparator());
    }

    @Test
    void name_runsThatDemo_andReturnsItsExitCode() {
        assertThat(demo(List.of(new Fixed("bank-day", 0), new Fixed("audit", 1)), "audit"))
                .isEqualTo(ExitCodes.CHECK_FAILED);

        assertThat(out.toString()).contains("ran audit");
    }

    @Test
    void unknownName_isBadUsage_listingTheDemos() {
        CommandLine cl = configured(new DemoCommand(List.of(new Fixed("bank-day", 0))));

        assertThat(cl.execute("nope")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no demo named 'nope'", "bank-day");
    }

    @Test
    void failingDemo_isARuntimeError() {
        Demo failing = new Fixed("broken", 0) {
            @Override
            public int run(PrintWriter o, PrintWriter e, OutputOptions output) throws Exception {
                throw new java.io.IOException("port 5060 in use");
            }
        };
        CommandLine cl = configured(new DemoCommand(List.of(failing)));

        assertThat(cl.execute("broken")).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(err.toString()).contains("error: port 5060 in use");
    }

    @Test
    void duplicateNames_areRejected() {
        assertThatThrownBy(() -> new DemoCommand(List.of(new Fixed("a", 0), new Fixed("a", 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two demos are named a");
    }

    static class Fixed implements Demo {
        private final String name;
        private final int code;

        Fixed(String name, int code) {
            this.name = name;
            this.code = code;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String summary() {
            return "the " + name + " demo";
        }

        @Override
        public int run(PrintWriter out, PrintWriter err, OutputOptions output) throws Exception {
            out.println("ran " + name);
            return code;
        }
    }
}
