package io.remotebank.examples.segmentation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.segmentation.batch.CustomerBase;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rb customers}: writes a seeded synthetic customer base as CSV. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "customers",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic retail-bank customer base as CSV: ages, cities, incomes and assets, a 90-day",
            "transaction history, products, consents, and the dates of the funnel's stages (opened, bound,",
            "deposited, invested, retained). One seed gives one base. --schema also writes the schema file",
            "that rb segment and rb nba read."
        })
public final class CustomersCommand implements Callable<Integer> {

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many customers, 1 to 100,000,000.")
    long count;

    @Option(names = "--seed", paramLabel = "SEED", description = "The seed (default 1).")
    long seed = 1;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day the data is as of (default 2025-06-30).")
    LocalDate asOf = LocalDate.of(2025, 6, 30);

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "Where the customers go.")
    Path output;

    @Option(names = "--schema", paramLabel = "SCHEMA.yaml", description = "Also write the schema file here.")
    Path schema;

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public CustomersCommand() {}

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 100_000_000) {
            throw new ParameterException(spec.commandLine(), "--count must be 1 to 100000000, got " + count);
        }
        PrintWriter err = spec.commandLine().getErr();
        CustomerBase base = CustomerBase.of(seed, asOf);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
            long step = 1_000_000;
            for (long done = 0; done < count; done += step) {
                long n = Math.min(step, count - done);
                if (done == 0) {
                    base.writeCsv(out, 0, n);
                } else {
                    base.writeCsvRows(out, done, n);
                }
                err.printf("rb customers: %,d written%n", done + n);
                err.flush();
            }
        }
        if (schema != null) {
            StringBuilder y = new StringBuilder("fields:\n");
            CustomerBase.SCHEMA
                    .fields()
                    .forEach(f -> y.append("  ")
                            .append(f.name())
                            .append(": ")
                            .append(f.type().schemaName())
                            .append('\n'));
            Files.writeString(schema, y.toString(), StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }
}
