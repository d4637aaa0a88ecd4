package io.remotebank.examples.segmentation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.text.CsvCell;
import io.remotebank.core.time.Clocks;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.segmentation.batch.BatchRunner;
import io.remotebank.segmentation.batch.CsvChunk;
import io.remotebank.segmentation.batch.CsvInput;
import io.remotebank.segmentation.batch.ProfileColumns;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.rules.RuleSet;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rb segment}: assigns each customer of a CSV file to a segment by CEL rules. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "segment",
        mixinStandardHelpOptions = true,
        description = {
            "Assign every customer of a CSV file to a segment. The schema file names each column's type",
            "(fields: {aum: double, age: int, vip: bool, opened: date, products: list<string>}; lists are",
            "written a|b|c); the rules file lists the segments (segments: [{name, priority, when: <CEL>}]),",
            "and the highest priority whose condition holds wins. Rules are type-checked when loaded: one",
            "that does not compile exits 2 naming the rule, line and column. The output has the customer id",
            "(the first column) and the segment, empty when none matches; --json prints {rows, segments}.",
            "Rows that cannot be read are reported on stderr with their line (exit code 1). Progress on",
            "stderr. Ids are masked unless --unmasked."
        })
public final class SegmentCommand implements Callable<Integer> {

    static final int CHUNK = 8192;

    @Option(names = "--schema", required = true, paramLabel = "SCHEMA.yaml", description = "The column types.")
    Path schemaFile;

    @Option(names = "--rules", required = true, paramLabel = "RULES.yaml", description = "The segments.")
    Path rulesFile;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "IN.csv",
            description = "The customers, CSV with a header.")
    Path input;

    @Option(
            names = "--output",
            paramLabel = "OUT.csv",
            description = "Where customer_id,segment goes; default: stdout" + " (nothing with --json).")
    Path output;

    @Option(
            names = "--now",
            paramLabel = "TIME",
            description = "The time the rules see as now (ISO with a zone);" + " default: the clock.")
    String now;

    @Option(names = "--threads", paramLabel = "N", description = "Threads, 1 to 256. Default: the number of cores.")
    Integer threads;

    @Mixin
    OutputOptions options = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** The clock {@code now} comes from when {@code --now} is not given. */
    Clock clock = Clocks.system();

    /** For picocli. */
    public SegmentCommand() {}

    private record Assigned(CsvChunk chunk, String[] ids, int[] segments, String[] errors) {}

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--threads must be 1 to 256, got " + n);
        }
        ProfileSchema schema = Inputs.schema(spec, schemaFile);
        RuleSet rules = Inputs.rules(spec, rulesFile, schema);
        Instant at = Inputs.now(spec, now, clock);
        PrintWriter err = spec.commandLine().getErr();
        long[] counts = new long[rules.segments().size() + 1];
        long[] totals = new long[2];
        try (CsvInput in = Inputs.open(spec, "--input", input);
                Writer out = openOutput()) {
            ProfileColumns columns = ProfileColumns.match(schema, in.header());
            for (String missing : columns.missingFields()) {
                err.println("rb segment: warning: no column '" + missing + "': that field is missing in every row");
            }
            ScoreColumns ids = new ScoreColumns(in.header().get(0), List.of(), options.unmasked());
            if (out != null) {
                out.write(CsvCell.textRow(List.of(in.header().get(0), "segment")));
                out.write('\n');
            }
            ThreadLocal<ProfileBatch> scratch = ThreadLocal.withInitial(() -> schema.newBatch(CHUNK));
            BatchRunner.builder()
                    .threads(n)
                    .progress(p -> {
                        err.printf("rb segment: %,d rows%n", p.rows());
                        err.flush();
                    })
                    .build()
                    .run(
                            () -> Inputs.next(in, CHUNK),
                            chunk -> {
                                ProfileBatch batch = scratch.get();
                                String[] errors = new String[chunk.size()];
                                columns.parse(chunk, batch, errors);
                                int[] segments = new int[chunk.size()];
                                rules.assign(batch, at, segments);
                                return new Assigned(chunk, batch.ids().clone(), segments, errors);
                            },
                            a -> a.chunk().size(),
                            a -> Inputs.unchecked(() -> {
                                for (int r = 0; r < a.chunk().size(); r++) {
                                    totals[0]++;
                                    if (a.errors()[r] != null) {
                                        totals[1]++;
                                        err.println(
                                                "rb segment: line " + a.chunk().line(r) + ": " + a.errors()[r]);
                                        continue;
                                    }
                                    int s = a.segments()[r];
                                    counts[s + 1]++;
                                    if (out != null) {
                                        out.write(CsvCell.text(ids.id(a.ids()[r])));
                                        out.write(',');
                                        out.write(CsvCell.text(
                                                s < 0
                                                        ? ""
                                                        : rules.segments()
                                                                .get(s)
                                                                .name()));
                                        out.write('\n');
                                    }
                                }
                            }));
            if (out != null) {
                out.flush();
            }
        }
        err.printf("rb segment: %,d rows assigned, %,d failed%n", totals[0] - totals[1], totals[1]);
        if (options.json()) {
            ObjectNode json = Json.object().put("rows", totals[0] - totals[1]);
            ObjectNode segs = json.putObject("segments");
            for (int i = 0; i < rules.segments().size(); i++) {
                segs.put(rules.segments().get(i).name(), counts[i + 1]);
            }
            json.put("unassigned", counts[0]).put("failed", totals[1]);
            if (output != null) {
                json.put("output", output.toString());
            }
            spec.commandLine().getOut().println(Json.document(json));
        }
        return totals[1] == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private Writer openOutput() throws java.io.IOException {
        if (output != null) {
            return new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        }
        if (options.json()) {
            return null;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                stdout.write(cbuf, off, len);
            }

            @Override
            public void flush() {
                stdout.flush();
            }

            @Override
            public void close() {
                stdout.flush();
            }
        };
    }
}
