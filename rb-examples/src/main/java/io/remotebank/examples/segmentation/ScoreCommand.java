package io.remotebank.examples.segmentation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.FieldType;
import io.remotebank.segmentation.model.InputField;
import io.remotebank.segmentation.model.InputRecord;
import io.remotebank.segmentation.model.OutputField;
import io.remotebank.segmentation.model.Result;
import io.remotebank.segmentation.pmml.PmmlException;
import io.remotebank.segmentation.pmml.PmmlReader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rb score}: scores a CSV file with a PMML model on every core. */
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

    /** One input row, parsed, waiting to be scored. */
    private record Pending(long line, String id, List<String> cells, String error) {}

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
        if (!Files.isReadable(input)) {
            throw new ParameterException(spec.commandLine(), "--input: cannot read " + input);
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "rb-score");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(evaluator));
        Summary summary = new Summary();
        ObjectNode json = Json.object();
        ArrayNode rows = json.putArray("rows");
        try (Utf8Input in = new Utf8Input(Files.newInputStream(input));
                Writer out = openOutput()) {
            Csv.RecordReader csv = new Csv.RecordReader(new BufferedReader(in));
            Csv.Row header = readHeader(csv, in);
            int[] columnOfInput = columnsOf(evaluator.inputs(), header.fields());
            warnAboutMissingColumns(evaluator.inputs(), columnOfInput, err);
            ScoreColumns columns = new ScoreColumns(header.fields().get(0), evaluator.outputs(), options.unmasked());
            if (out != null) {
                out.write(columns.header());
                out.write('\n');
            }
            Deque<Future<List<Scored>>> inFlight = new ArrayDeque<>();
            boolean more = true;
            while (more || !inFlight.isEmpty()) {
                while (more && inFlight.size() < 2 * n) {
                    List<Pending> chunk = readChunk(csv, in, header.fields().size());
                    more = chunk.size() == CHUNK;
                    if (!chunk.isEmpty()) {
                        inFlight.add(pool.submit(() -> workers.get().score(chunk, columnOfInput, nanAsMissing)));
                    }
                }
                if (!inFlight.isEmpty()) {
                    for (Scored s : await(inFlight.poll())) {
                        summary.add(s, err);
                        if (s.error() == null) {
                            write(out, rows, columns, s);
                        }
                    }
                    err.printf("rb score: %,d rows%n", summary.rows);
                    err.flush();
                }
            }
            if (out != null) {
                out.flush();
            }
        } finally {
            pool.shutdownNow();
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
        return new NonClosing(spec.commandLine().getOut());
    }

    private Csv.Row readHeader(Csv.RecordReader csv, Utf8Input in) throws IOException {
        Csv.Row header;
        try {
            header = csv.next();
        } catch (Csv.FormatException e) {
            throw new ParameterException(spec.commandLine(), "--input: line 1: " + e.getMessage());
        }
        Utf8Input.Malformed bad = in.takeMalformedBefore(csv.position());
        if (bad != null) {
            throw new ParameterException(spec.commandLine(), "--input: line 1: " + bad.describe());
        }
        if (header == null
                || header.fields().size() < 1
                || header.fields().get(0).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--input: the first row must name the columns");
        }
        return header;
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

    private List<Pending> readChunk(Csv.RecordReader csv, Utf8Input in, int columns) throws IOException {
        List<Pending> chunk = new ArrayList<>(CHUNK);
        while (chunk.size() < CHUNK) {
            Csv.Row row;
            try {
                row = csv.next();
            } catch (Csv.FormatException e) {
                in.takeMalformedBefore(csv.position());
                chunk.add(new Pending(e.line(), "", List.of(), e.getMessage()));
                continue;
            }
            if (row == null) {
                break;
            }
            Utf8Input.Malformed bad = in.takeMalformedBefore(csv.position());
            if (bad != null) {
                chunk.add(new Pending(row.line(), "", List.of(), bad.describe()));
                continue;
            }
            if (row.fields().size() == 1 && row.fields().get(0).isEmpty()) {
                continue; // a blank line
            }
            String error = row.fields().size() == columns
                    ? null
                    : "expected " + columns + " columns, found " + row.fields().size();
            chunk.add(new Pending(row.line(), row.fields().get(0), row.fields(), error));
        }
        return chunk;
    }

    private static List<Scored> await(Future<List<Scored>> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ? (Exception) cause : e;
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

        List<Scored> score(List<Pending> chunk, int[] columnOfInput, boolean nanAsMissing) {
            List<Scored> out = new ArrayList<>(chunk.size());
            List<OutputField> outputs = evaluator.outputs();
            for (Pending p : chunk) {
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

    /** stdout must stay open after the command. */
    private static final class NonClosing extends Writer {
        private final PrintWriter out;

        NonClosing(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            out.write(cbuf, off, len);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
