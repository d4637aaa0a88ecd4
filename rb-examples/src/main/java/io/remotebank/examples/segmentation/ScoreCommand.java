package io.remotebank.examples.segmentation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.batch.BatchRunner;
import io.remotebank.segmentation.batch.CsvChunk;
import io.remotebank.segmentation.batch.CsvInput;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.FieldType;
import io.remotebank.segmentation.model.InputField;
import io.remotebank.segmentation.model.InputRecord;
import io.remotebank.segmentation.model.OutputField;
import io.remotebank.segmentation.model.Result;
import io.remotebank.segmentation.pmml.PmmlException;
import io.remotebank.segmentation.pmml.PmmlReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rb score}: scores a CSV file with a PMML model on every core, through the library batch API. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Score every record of a CSV file with a PMML model (Scorecard, RegressionModel, TreeModel,",
            "MiningModel) on all cores. The first row names the columns; the first column is the record's",
            "id; other columns are matched to the model's input fields by name; empty cells are missing.",
            "The output has the id and one column per output field of the model, rows in input order.",
            "Rows that cannot be scored (a wrong column count, a broken quote, bytes that are not UTF-8, NaN",
            "in a numeric column, a value the model declares invalid) are reported on stderr with their line",
            "number (exit code 1). Cells a spreadsheet would read as formulas (= + - @ first) are written",
            "as text. Ids that look like phone, ID, passport or card numbers, and the values of a name column,",
            "are masked unless --unmasked."
        })
public final class ScoreCommand implements Callable<Integer> {

    static final int CHUNK = 4096;

    /** Inputs without a column that are named in a warning; the rest are counted. */
    static final int MISSING_WARNINGS = 10;

    @Option(names = "--pmml", required = true, paramLabel = "MODEL.xml", description = "The PMML model.")
    Path pmml;

    @Option(names = "--input", required = true, paramLabel = "IN.csv", description = "The records, CSV with a header.")
    Path input;

    @Option(
            names = "--output",
            paramLabel = "OUT.csv",
            description = "Where the scores go (CSV); default: stdout (or the JSON document with --json).")
    Path output;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Scoring threads, 1 to 256. Default: the number of cores.")
    Integer threads;

    @Option(
            names = "--nan-as-missing",
            description = "Score NaN in a numeric column as a missing value (default: the row is invalid input).")
    boolean nanAsMissing;

    @Mixin
    OutputOptions options = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public ScoreCommand() {}

    /** One scored row: its outputs as text, or its error. */
    private record Scored(long line, String id, List<String> outputs, String error) {}

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 to 256, got " + n);
        }
        PrintWriter err = spec.commandLine().getErr();
        Evaluator evaluator;
        try {
            evaluator = PmmlReader.ofDefaults().read(pmml);
        } catch (PmmlException e) {
            throw new ParameterException(spec.commandLine(), "--pmml " + pmml + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "--pmml: cannot read " + pmml);
        }
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(evaluator));
        Summary summary = new Summary();
        ObjectNode json = Json.object();
        ArrayNode rows = json.putArray("rows");
        try (CsvInput in = Inputs.open(spec, "--input", input);
                Writer out = openOutput()) {
            List<String> header = in.header();
            int[] columnOfInput = columnsOf(evaluator.inputs(), header);
            warnAboutMissingColumns(evaluator.inputs(), columnOfInput, err);
            ScoreColumns columns = new ScoreColumns(header.get(0), evaluator.outputs(), options.unmasked());
            if (out != null) {
                out.write(columns.header());
                out.write('\n');
            }
            BatchRunner.builder()
                    .threads(n)
                    .progress(p -> {
                        err.printf("rb score: %,d rows%n", p.rows());
                        err.flush();
                    })
                    .build()
                    .run(
                            () -> Inputs.next(in, CHUNK),
                            chunk -> workers.get().score(chunk, columnOfInput, nanAsMissing),
                            List::size,
                            scored -> {
                                for (Scored s : scored) {
                                    summary.add(s, err);
                                    if (s.error() == null) {
                                        Inputs.unchecked(() -> write(out, rows, columns, s));
                                    }
                                }
                            });
            if (out != null) {
                out.flush();
            }
        }
        err.printf("rb score: %,d rows scored, %,d failed%n", summary.rows - summary.failed, summary.failed);
        if (options.json()) {
            json.put("model", evaluator.modelName())
                    .put("scored", summary.rows - summary.failed)
                    .put("failed", summary.failed);
            if (output != null) {
                json.remove("rows");
                json.put("rows", summary.rows).put("output", output.toString());
            }
            ArrayNode errors = json.putArray("errors");
            summary.errors.forEach(
                    e -> errors.add(Json.object().put("line", e.line()).put("error", e.error())));
            spec.commandLine().getOut().println(Json.document(json));
        }
        return summary.failed == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private Writer openOutput() throws IOException {
        if (output != null) {
            return new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        }
        if (options.json()) {
            return null;
        }
        return new NonClosingWriter(spec.commandLine().getOut());
    }

    /**
     * Where each input field of the model is in the header: one pass over the header into a hash map,
     * then a lookup per input, so a file of 300,000 columns scored by a model of as many inputs is
     * matched in linear time (a search of the header per input took minutes). The first column is
     * the id and is never an input; of two columns with the same name the first counts.
     *
     * @param inputs the model's input fields
     * @param header the header row, the id first
     * @return for each input's index, its column, or -1 when the header has none
     */
    static int[] columnsOf(List<InputField> inputs, List<String> header) {
        Map<String, Integer> columnByName = new HashMap<>();
        int column = 0;
        for (String name : header) {
            if (column > 0) {
                columnByName.putIfAbsent(name, column);
            }
            column++;
        }
        int[] columnOfInput = new int[inputs.size()];
        for (InputField f : inputs) {
            columnOfInput[f.index()] = columnByName.getOrDefault(f.name(), -1);
        }
        return columnOfInput;
    }

    /** One warning per input without a column, the first ten of them; then how many more. */
    private static void warnAboutMissingColumns(List<InputField> inputs, int[] columnOfInput, PrintWriter err) {
        int missing = 0;
        for (InputField f : inputs) {
            if (columnOfInput[f.index()] < 0 && ++missing <= MISSING_WARNINGS) {
                err.println("rb score: warning: no column '" + f.name() + "': that input is missing in every row");
            }
        }
        if (missing > MISSING_WARNINGS) {
            err.printf(
                    "rb score: warning: %,d more inputs have no column and are missing in every row%n",
                    missing - MISSING_WARNINGS);
        }
    }

    private void write(Writer out, ArrayNode rows, ScoreColumns columns, Scored s) throws IOException {
        if (out != null) {
            out.write(columns.row(s.id(), s.outputs()));
            out.write('\n');
        } else if (output == null) {
            ObjectNode row = rows.addObject().put(columns.names().get(0), columns.id(s.id()));
            for (int i = 0; i < s.outputs().size(); i++) {
                row.put(columns.names().get(i + 1), columns.value(i, s.outputs().get(i)));
            }
        }
    }

    /** Counts, and reports failed rows on stderr with their line. */
    private static final class Summary {
        long rows;
        long failed;
        final List<Scored> errors = new ArrayList<>();

        void add(Scored s, PrintWriter err) {
            rows++;
            if (s.error() != null) {
                failed++;
                if (errors.size() < 1000) {
                    errors.add(s);
                }
                err.println("rb score: line " + s.line() + ": " + s.error());
            }
        }
    }

    /** One input row, read, waiting to be scored. */
    private record Pending(long line, String id, List<String> cells, String error) {}

    /** One thread's reusable record and result. */
    private static final class Worker {
        final Evaluator evaluator;
        final InputRecord record;
        final Result result;

        Worker(Evaluator evaluator) {
            this.evaluator = evaluator;
            this.record = evaluator.newRecord();
            this.result = evaluator.newResult();
        }

        List<Scored> score(CsvChunk chunk, int[] columnOfInput, boolean nanAsMissing) {
            List<Scored> out = new ArrayList<>(chunk.size());
            List<OutputField> outputs = evaluator.outputs();
            for (int row = 0; row < chunk.size(); row++) {
                Pending p = new Pending(chunk.line(row), chunk.id(row), chunk.cells(row), chunk.error(row));
                if (p.error() != null) {
                    out.add(new Scored(p.line(), p.id(), null, p.error()));
                    continue;
                }
                record.clear();
                String invalid = null;
                for (InputField f : evaluator.inputs()) {
                    int column = columnOfInput[f.index()];
                    if (column >= 0) {
                        String cell = p.cells().get(column);
                        if (f.type() == FieldType.STRING) {
                            record.set(f.index(), cell);
                        } else {
                            String value = cell.trim();
                            // PMML reads NaN as missing; in a file it is more likely a broken export.
                            if (!nanAsMissing && value.equals("NaN") && invalid == null) {
                                invalid = "column '" + f.name()
                                        + "': NaN is not a number (--nan-as-missing scores it as missing)";
                            }
                            record.set(f.index(), value);
                        }
                    }
                }
                if (invalid != null) {
                    out.add(new Scored(p.line(), p.id(), null, invalid));
                    continue;
                }
                try {
                    evaluator.score(record, result);
                } catch (SegmentationException e) {
                    out.add(new Scored(p.line(), p.id(), null, e.getMessage()));
                    continue;
                }
                List<String> values = new ArrayList<>(outputs.size());
                for (int i = 0; i < outputs.size(); i++) {
                    String t = result.text(i);
                    values.add(t == null ? "" : t);
                }
                out.add(new Scored(p.line(), p.id(), values, null));
            }
            return out;
        }
    }
}
