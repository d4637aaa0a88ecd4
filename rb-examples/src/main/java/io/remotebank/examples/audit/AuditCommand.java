package io.remotebank.examples.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rb audit}: write, verify and read a tamper-evident audit trail. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Write, verify and read a tamper-evident audit trail (RFC 6962 Merkle tree, signed checkpoints).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            AuditDemoCommand.class,
            AuditVerifyCommand.class,
            AuditCheckpointCommand.class,
            AuditShowCommand.class
        })
public final class AuditCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** For picocli. */
    public AuditCommand() {}

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: demo, verify, checkpoint or show");
    }
}
