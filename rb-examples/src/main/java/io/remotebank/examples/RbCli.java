package io.remotebank.examples;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.SdkModules;
import io.remotebank.core.pii.Mask;
import io.remotebank.examples.audit.AuditCommand;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.MaskingWriter;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.examples.demo.DemoCommand;
import io.remotebank.examples.identity.IdCheckCommand;
import io.remotebank.examples.identity.KycCommand;
import io.remotebank.examples.identity.OcrMrzCommand;
import io.remotebank.examples.routing.ErlangCommand;
import io.remotebank.examples.routing.SimulateCommand;
import io.remotebank.examples.segmentation.CustomersCommand;
import io.remotebank.examples.segmentation.FunnelCommand;
import io.remotebank.examples.segmentation.NbaCommand;
import io.remotebank.examples.segmentation.ScoreCommand;
import io.remotebank.examples.segmentation.SegmentCommand;
import io.remotebank.examples.sip.SipCallCommand;
import io.remotebank.examples.sip.SipServerCommand;
import io.remotebank.examples.smpp.SmsSendCommand;
import io.remotebank.examples.smpp.SmscSimCommand;
import io.remotebank.examples.wechat.WeChatCallbackCommand;
import java.io.IOException;
import java.io.PrintWriter;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code rb} command: the entry point of {@code ./rb} and of {@code java -jar rb.jar}.
 *
 * <p>Results go to stdout, progress, warnings and logs to stderr. Exit codes are those of {@link
 * ExitCodes}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
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
            KycCommand.class,
            OcrMrzCommand.class,
            ErlangCommand.class,
            SimulateCommand.class,
            ScoreCommand.class,
            SegmentCommand.class,
            FunnelCommand.class,
            NbaCommand.class,
            CustomersCommand.class,
            SipServerCommand.class,
            SipCallCommand.class,
            SmscSimCommand.class,
            SmsSendCommand.class,
            WeChatCallbackCommand.class,
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
        CommandLine rb = configure(new CommandLine(new RbCli()));
        // rb kyc --simulate review: the scenario "review" is also the name of kyc's subcommand.
        rb.getSubcommands().get("kyc").setAllowSubcommandsAsOptionParameters(true);
        return rb;
    }

    /**
     * Applies the rb conventions to a command tree: usage errors exit with 2 and name the fix, an
     * exception during execution prints one error line on stderr and exits with 3, and personal data
     * in everything the commands print on stdout and stderr is masked (see {@link MaskingWriter})
     * unless the command line has {@code --unmasked}.
     *
     * @param commandLine a command tree, e.g. an application's own commands
     * @return the same tree
     */
    public static CommandLine configure(CommandLine commandLine) {
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(RbCli::usageError);
        commandLine.setExecutionStrategy(RbCli::executeMasked);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            String message = cl.getCommandName() + ": error: " + describe(e);
            cl.getErr().println(cl.getColorScheme().errorText(unmasked(parseResult) ? message : Mask.text(message)));
            return ExitCodes.RUNTIME_ERROR;
        });
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.RUNTIME_ERROR);
        return commandLine;
    }

    /**
     * Runs the command with its stdout and stderr behind a {@link MaskingWriter} each, the single
     * place where command output is masked; the writers given by the caller are put back afterwards.
     */
    private static int executeMasked(ParseResult parseResult) {
        if (unmasked(parseResult)) {
            return new CommandLine.RunLast().execute(parseResult);
        }
        CommandLine root = parseResult.commandSpec().commandLine();
        PrintWriter out = root.getOut();
        PrintWriter err = root.getErr();
        MaskingWriter maskedOut = new MaskingWriter(out);
        MaskingWriter maskedErr = new MaskingWriter(err);
        root.setOut(new PrintWriter(maskedOut, true));
        root.setErr(new PrintWriter(maskedErr, true));
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } finally {
            root.setOut(out);
            root.setErr(err);
            closeQuietly(maskedOut);
            closeQuietly(maskedErr);
        }
    }

    /** Whether the command line asked for personal data unmasked ({@code --unmasked} of {@link OutputOptions}). */
    private static boolean unmasked(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--unmasked")) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(MaskingWriter writer) {
        try {
            writer.close();
        } catch (IOException e) {
            // The caller's writer failed; a PrintWriter would have swallowed it too.
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        // A usage error may quote an argument (a phone number, an ID number): masked like all output.
        String message = cl.getCommandName() + ": " + e.getMessage();
        ParseResult parsed = cl.getParseResult();
        boolean unmasked = parsed != null && unmasked(parsed);
        err.println(cl.getColorScheme().errorText(unmasked ? message : Mask.text(message)));
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
