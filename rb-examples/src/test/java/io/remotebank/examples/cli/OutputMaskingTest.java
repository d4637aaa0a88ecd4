package io.remotebank.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.examples.RbCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Every command configured by {@link RbCli#configure} has its output masked, whatever it forgot. */
class OutputMaskingTest {

    /** A careless command: it prints what it was given on every path. */
    @Command(name = "careless")
    static final class CarelessCommand implements Callable<Integer> {
        @Option(names = "--customer")
        String customer;

        @Option(names = "--fail")
        String fail;

        @Option(names = "--usage")
        String usage;

        @Mixin
        OutputOptions output = new OutputOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (fail != null) {
                throw new IllegalStateException("cannot reach " + fail);
            }
            if (usage != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--usage: bad value '" + usage + "'");
            }
            spec.commandLine().getOut().println(Json.document(Json.object().put("customer", customer)));
            spec.commandLine().getErr().println("warning: looked up " + customer);
            return ExitCodes.OK;
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = RbCli.configure(new CommandLine(new CarelessCommand()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    @Test
    void stdoutJson_andStderr_areMasked() {
        assertThat(run("--customer", "sip:+8613812345678@bank.example:5060")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString())
                .contains("sip:+86138****5678@bank.example:5060")
                .doesNotContain("13812345678");
        assertThat(err.toString()).contains("+86138****5678").doesNotContain("13812345678");
    }

    @Test
    void unmasked_showsEverything() {
        assertThat(run("--customer", "13812345678", "--unmasked")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("13812345678");
        assertThat(err.toString()).contains("13812345678");
    }

    @Test
    void anExceptionsMessage_isMasked() {
        assertThat(run("--fail", "A123456(3)")).isEqualTo(ExitCodes.RUNTIME_ERROR);

        assertThat(err.toString())
                .contains("careless: error: cannot reach A******3")
                .doesNotContain("A123456");
    }

    @Test
    void aUsageErrorQuotingTheArgument_isMasked() {
        assertThat(run("--usage", "(852) 9123 4567")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("bad value '852****4567'").doesNotContain("9123");
    }

    @Test
    void aParseErrorQuotingTheArgument_isMasked() {
        assertThat(run("110105194912310021")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("1****************1").doesNotContain("110105194912310021");
    }

    @Test
    void theCallersWriters_arePutBack() {
        CommandLine cl = RbCli.configure(new CommandLine(new CarelessCommand()));
        PrintWriter mine = new PrintWriter(out);
        cl.setOut(mine);
        cl.execute("--customer", "x");

        assertThat(cl.getOut()).isSameAs(mine);
    }
}
