package io.remotebank.examples.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import picocli.CommandLine.Option;

/**
 * The output options every {@code rb} command shares: {@code --json} for one machine-readable
 * document on stdout, {@code --unmasked} to show personal data that is masked by default.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class OutputOptions {

    @Option(
            names = "--json",
            description = "Print one JSON document on stdout (server commands: one JSON object per line).")
    boolean json;

    @Option(
            names = "--unmasked",
            description = "Show personal data (phone numbers, ID and card numbers, names) unmasked.")
    boolean unmasked;

    /** Creates the default: text output, personal data masked. */
    public OutputOptions() {}

    /** Whether the user asked for JSON. */
    public boolean json() {
        return json;
    }

    /** Whether the user asked to see personal data unmasked. */
    public boolean unmasked() {
        return unmasked;
    }
}
