package io.remotebank.examples.segmentation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.pii.Mask;
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
import java.util.List;
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
            "Rows that cannot be scored are reported on stderr with their line number (exit code 1).",
            "Ids that look like phone, ID or card numbers are masked unless --unmasked."
        })
public final class ScoreCommand implements Callable<Integer> {

    static final int CHUNK = 4096;

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
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                Writer out = openOutput()) {
            Csv.RecordReader csv = new Csv.RecordReader(in);
            Csv.Row header = readHeader(csv);
            int[] columnOfInput = mapColumns(evaluator, header.fields(), err);
            List<String> names = new ArrayList<>();
            names.add(header.fields().get(0));
            evaluator.outputs().forEach(o -> names.add(o.name()));
            if (out != null) {
                out.write(Csv.line(names));
                out.write('\n');
            }
            Deque<Future<List<Scored>>> inFlight = new ArrayDeque<>();
            boolean more = true;
            while (more || !inFlight.isEmpty()) {
                while (more && inFlight.size() < 2 * n) {
                    List<Pending> chunk = readChunk(csv, header.fields().size());
                    more = chunk.size() == CHUNK;
                    if (!chunk.isEmpty()) {
                        inFlight.add(pool.submit(() -> workers.get().score(chunk, columnOfInput)));
                    }
                }
                if (!inFlight.isEmpty()) {
                    for (Scored s : await(inFlight.poll())) {
                        summary.add(s, err);
                        if (s.error() == null) {
                            write(out, rows, names, s);
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

    private Csv.Row readHeader(Csv.RecordReader csv) throws IOException {
        try {
            Csv.Row header = csv.next();
            if (header == null
                    || header.fields().size() < 1
                    || header.fields().get(0).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--input: the first row must name the columns");
            }
            return header;
        } catch (Csv.FormatException e) {
            throw new ParameterException(spec.commandLine(), "--input: line 1: " + e.getMessage());
        }
    }

    private static int[] mapColumns(Evaluator evaluator, List<String> header, PrintWriter err) {
        int[] columnOfInput = new int[evaluator.inputs().size()];
        for (InputField f : evaluator.inputs()) {
            int column = header.subList(1, header.size()).indexOf(f.name());
            columnOfInput[f.index()] = column < 0 ? -1 : column + 1;
            if (column < 0) {
                err.println("rb score: warning: no column '" + f.name() + "': that input is missing in every row");
            }
        }
        return columnOfInput;
    }

    private List<Pending> readChunk(Csv.RecordReader csv, int columns) throws IOException {
        List<Pending> chunk = new ArrayList<>(CHUNK);
        while (chunk.size() < CHUNK) {
            Csv.Row row;
            try {
                row = csv.next();
            } catch (Csv.FormatException e) {
                chunk.add(new Pending(e.line(), "", List.of(), e.getMessage()));
                continue;
            }
            if (row == null) {
                break;
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

    private void write(Writer out, ArrayNode rows, List<String> names, Scored s) throws IOException {
        String id = options.unmasked() ? s.id() : Mask.text(s.id());
        if (out != null) {
            List<String> line = new ArrayList<>();
            line.add(id);
            line.addAll(s.outputs());
            out.write(Csv.line(line));
            out.write('\n');
        } else if (output == null) {
            ObjectNode row = rows.addObject().put(names.get(0), id);
            for (int i = 0; i < s.outputs().size(); i++) {
                row.put(names.get(i + 1), s.outputs().get(i));
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

        List<Scored> score(List<Pending> chunk, int[] columnOfInput) {
            List<Scored> out = new ArrayList<>(chunk.size());
            List<OutputField> outputs = evaluator.outputs();
            for (Pending p : chunk) {
                if (p.error() != null) {
                    out.add(new Scored(p.line(), p.id(), null, p.error()));
                    continue;
                }
                record.clear();
                for (InputField f : evaluator.inputs()) {
                    int column = columnOfInput[f.index()];
                    if (column >= 0) {
                        String cell = p.cells().get(column);
                        if (f.type() == FieldType.STRING) {
                            record.set(f.index(), cell);
                        } else {
                            record.set(f.index(), cell.trim());
                        }
                    }
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
