package io.remotebank.examples;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.SdkModules;
import io.remotebank.examples.audit.AuditCommand;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.demo.DemoCommand;
import io.remotebank.examples.identity.IdCheckCommand;
import io.remotebank.examples.routing.ErlangCommand;
import io.remotebank.examples.routing.SimulateCommand;
import io.remotebank.examples.segmentation.ScoreCommand;
import io.remotebank.examples.sip.SipCallCommand;
import io.remotebank.examples.sip.SipServerCommand;
import java.io.PrintWriter;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code rb} command: the entry point of {@code ./rb} and of {@code java -jar rb.jar}.
 *
 * <p>Results go to stdout, progress, warnings and logs to stderr. Exit codes are those of {@link
 * ExitCodes}.
 */
@API(status = STABLE, since = "0.1")
@Command(
        name = "rb",
        mixinStandardHelpOptions = true,
        versionProvider = RbCli.SdkVersion.class,
        description = "RemoteBank SDK: run the demos and the tools of an embeddable remote bank.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            VersionCommand.class,
            DemoCommand.class,
            AuditCommand.class,
            IdCheckCommand.class,
            ErlangCommand.class,
            SimulateCommand.class,
            ScoreCommand.class,
            SipServerCommand.class,
            SipCallCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  a check failed or some items failed",
            "  2  bad usage",
            "  3  runtime error (port in use, peer unreachable, I/O)",
            "",
            "Run `rb COMMAND --help` for a command's options."
        })
public final class RbCli implements Runnable {

    @Spec
    private CommandSpec spec;

    /** For picocli. */
    public RbCli() {}

    /**
     * Runs {@code rb} and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(
                new PrintWriter(System.out, true, java.nio.charset.Charset.defaultCharset()),
                new PrintWriter(System.err, true, java.nio.charset.Charset.defaultCharset()),
                args));
    }

    /**
     * Runs {@code rb} with the given streams, for tests and for embedding.
     *
     * @param out where results go
     * @param err where errors, warnings and progress go
     * @param args the command line
     * @return the exit code (see {@link ExitCodes})
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The {@code rb} command tree, configured by {@link #configure}. */
    static CommandLine commandLine() {
        return configure(new CommandLine(new RbCli()));
    }

    /**
     * Applies the rb conventions to a command tree: usage errors exit with 2 and name the fix, an
     * exception during execution prints one error line on stderr and exits with 3.
     *
     * @param commandLine a command tree, e.g. an application's own commands
     * @return the same tree
     */
    public static CommandLine configure(CommandLine commandLine) {
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(RbCli::usageError);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            cl.getErr().println(cl.getColorScheme().errorText(cl.getCommandName() + ": error: " + describe(e)));
            return ExitCodes.RUNTIME_ERROR;
        });
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.RUNTIME_ERROR);
        return commandLine;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getColorScheme().errorText(cl.getCommandName() + ": " + e.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try `" + cl.getCommandSpec().qualifiedName() + " --help`.");
        }
        return ExitCodes.USAGE;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** {@code rb --version}: the SDK release. */
    static final class SdkVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "RemoteBank SDK "
                        + SdkModules.find("rb-examples", RbCli.class.getClassLoader())
                                .map(m -> m.version())
                                .orElse("(unknown version)")
            };
        }
    }
}
