package io.remotebank.examples.segmentation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.time.Clocks;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.segmentation.batch.BatchRunner;
import io.remotebank.segmentation.batch.CsvInput;
import io.remotebank.segmentation.batch.ProfileColumns;
import io.remotebank.segmentation.funnel.Funnel;
import io.remotebank.segmentation.funnel.FunnelCounter;
import io.remotebank.segmentation.funnel.FunnelReport;
import io.remotebank.segmentation.funnel.KeyMoment;
import io.remotebank.segmentation.funnel.StageStats;
import io.remotebank.segmentation.ladder.GrowthLadder;
import io.remotebank.segmentation.ladder.Tier;
import io.remotebank.segmentation.ladder.TierState;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import io.remotebank.segmentation.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rb funnel}: the conversion funnel of a customer file, by cohort and segment, with an HTML report. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "funnel",
        mixinStandardHelpOptions = true,
        description = {
            "Count the conversion funnel 开卡 -> 绑定 -> 入金 -> 投资 -> 留存 of a CSV file of customers: the",
            "stage columns hold the date each customer reached the stage (empty: not reached). Prints each",
            "stage's count, conversion and median days, by segment the step that loses most (关键时刻), and",
            "with --html writes a self-contained report with SVG charts: the funnel, a cohort heat map",
            "(month of 开卡), segment sizes and, when the file has aum and aum_prev columns, the flows",
            "between the tiers of the growth ladder. Segments come from a 'segment' column or from --rules",
            "(which needs --schema). Progress on stderr."
        })
public final class FunnelCommand implements Callable<Integer> {

    static final int CHUNK = 8192;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "IN.csv",
            description = "The customers, CSV with a header.")
    Path input;

    @Option(names = "--html", paramLabel = "OUT.html", description = "Write the report here.")
    Path html;

    @Option(
            names = "--stages",
            split = ",",
            paramLabel = "COLUMN",
            description = "The five stage columns, in order. Default: opened,bound,deposited,invested,retained.")
    List<String> stages = List.of("opened", "bound", "deposited", "invested", "retained");

    @Option(names = "--schema", paramLabel = "SCHEMA.yaml", description = "Column types (needed with --rules).")
    Path schemaFile;

    @Option(names = "--rules", paramLabel = "RULES.yaml", description = "Segment the customers by these rules.")
    Path rulesFile;

    @Option(names = "--segment-column", paramLabel = "COLUMN", description = "The segment column (default: segment).")
    String segmentColumn = "segment";

    @Option(
            names = "--activity-column",
            paramLabel = "COLUMN",
            description = "Activity for the growth ladder" + " (default: app_logins_30d).")
    String activityColumn = "app_logins_30d";

    @Option(names = "--now", paramLabel = "TIME", description = "The time rules see as now (ISO with a zone).")
    String now;

    @Option(names = "--threads", paramLabel = "N", description = "Threads, 1 to 256. Default: the number of cores.")
    Integer threads;

    @Mixin
    OutputOptions options = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** The clock when {@code --now} is not given. */
    Clock clock = Clocks.system();

    /** For picocli. */
    public FunnelCommand() {}

    private record Part(int rows, FunnelCounter counter, long[][] flows, int failed, List<String> errors) {}

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 to 256, got " + n);
        }
        if (stages.size() != Funnel.RETAIL_STAGES.size()) {
            throw new ParameterException(spec.commandLine(), "--stages: name five columns, got " + stages.size());
        }
        if (rulesFile != null && schemaFile == null) {
            throw new ParameterException(spec.commandLine(), "--rules needs --schema: rules are typed by it");
        }
        Instant at = Inputs.now(spec, now, clock);
        LocalDate asOf = at.atOffset(ZoneOffset.UTC).toLocalDate();
        PrintWriter err = spec.commandLine().getErr();
        GrowthLadder ladder = reportLadder();
        try (CsvInput in = Inputs.open(spec, "--input", input)) {
            ProfileSchema schema = schemaFile != null ? Inputs.schema(spec, schemaFile) : inferSchema(in.header());
            RuleSet rules = rulesFile == null ? null : Inputs.rules(spec, rulesFile, schema);
            Funnel funnel;
            try {
                funnel = Funnel.retail(schema, stages);
            } catch (io.remotebank.segmentation.SegmentationException e) {
                throw new ParameterException(spec.commandLine(), "--stages: " + Inputs.reason(e));
            }
            ProfileColumns columns = ProfileColumns.match(schema, in.header());
            for (String missing : columns.missingFields()) {
                err.println("rb funnel: warning: no column '" + missing + "'");
            }
            int segmentField = rules == null ? fieldOf(schema, segmentColumn, ProfileType.STRING) : -1;
            int aum = fieldOf(schema, "aum", ProfileType.DOUBLE);
            int aumPrev = fieldOf(schema, "aum_prev", ProfileType.DOUBLE);
            int activity = schema.indexOf(activityColumn);
            boolean tiers = aum >= 0
                    && aumPrev >= 0
                    && columns.missingFields().stream().noneMatch(f -> f.equals("aum") || f.equals("aum_prev"));
            int tierCount = ladder.tiers().size();
            FunnelCounter total = funnel.newCounter();
            long[][] flows = new long[tierCount][tierCount];
            int[] failed = new int[1];
            ThreadLocal<ProfileBatch> scratch = ThreadLocal.withInitial(() -> schema.newBatch(CHUNK));
            BatchRunner.builder()
                    .threads(n)
                    .progress(p -> {
                        err.printf("rb funnel: %,d rows%n", p.rows());
                        err.flush();
                    })
                    .build()
                    .run(
                            () -> Inputs.next(in, CHUNK),
                            chunk -> {
                                ProfileBatch batch = scratch.get();
                                String[] errors = new String[chunk.size()];
                                columns.parse(chunk, batch, errors);
                                boolean[] skip = new boolean[chunk.size()];
                                List<String> messages = new ArrayList<>();
                                int bad = 0;
                                for (int r = 0; r < chunk.size(); r++) {
                                    if (errors[r] != null) {
                                        skip[r] = true;
                                        bad++;
                                        messages.add("line " + chunk.line(r) + ": " + errors[r]);
                                    }
                                }
                                String[] segments = segmentsOf(batch, rules, segmentField, at);
                                FunnelCounter counter = funnel.newCounter();
                                counter.add(batch, segments, skip, at);
                                long[][] f = new long[tierCount][tierCount];
                                if (tiers) {
                                    countFlows(ladder, batch, skip, aumPrev, aum, activity, asOf, f);
                                }
                                return new Part(chunk.size(), counter, f, bad, messages);
                            },
                            Part::rows,
                            p -> {
                                total.merge(p.counter());
                                for (int i = 0; i < tierCount; i++) {
                                    for (int j = 0; j < tierCount; j++) {
                                        flows[i][j] += p.flows()[i][j];
                                    }
                                }
                                failed[0] += p.failed();
                                p.errors().forEach(m -> err.println("rb funnel: " + m));
                            });
            FunnelReport report = total.report();
            print(report, err);
            if (html != null) {
                List<String> tierNames = new ArrayList<>();
                ladder.tiers().forEach(t -> tierNames.add(t.name()));
                Files.writeString(
                        html,
                        FunnelPage.render(
                                report,
                                tiers ? flows : null,
                                tierNames,
                                input.getFileName().toString(),
                                asOf),
                        StandardCharsets.UTF_8);
                err.println("rb funnel: report written to " + html);
            }
            if (options.json()) {
                spec.commandLine().getOut().println(Json.document(json(report, failed[0])));
            }
            return failed[0] == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    /** The retail ladder, read between two snapshots a quarter apart: longer than its grace period. */
    static GrowthLadder reportLadder() {
        GrowthLadder.Builder b = GrowthLadder.builder().gracePeriod(Period.ZERO);
        for (Tier t : GrowthLadder.retail().tiers()) {
            b.tier(t.name(), t.minAum(), t.minActivity());
        }
        return b.build();
    }

    private static void countFlows(
            GrowthLadder ladder,
            ProfileBatch batch,
            boolean[] skip,
            int aumPrev,
            int aum,
            int activity,
            LocalDate asOf,
            long[][] flows) {
        double[] before = batch.numbers(aumPrev);
        double[] after = batch.numbers(aum);
        double[] act = activity < 0 ? null : batch.numbers(activity);
        Map<String, Integer> rank = new LinkedHashMap<>();
        for (int i = 0; i < ladder.tiers().size(); i++) {
            rank.put(ladder.tiers().get(i).name(), i);
        }
        for (int r = 0; r < batch.rows(); r++) {
            if (skip[r] || Double.isNaN(before[r]) || Double.isNaN(after[r])) {
                continue;
            }
            double a = act == null || Double.isNaN(act[r]) ? 0 : act[r];
            Tier from = ladder.qualify(before[r], a);
            String to = ladder.evaluate(TierState.holding(from.name()), after[r], a, asOf)
                    .state()
                    .tier();
            flows[rank.get(from.name())][rank.get(to)]++;
        }
    }

    private static String[] segmentsOf(ProfileBatch batch, RuleSet rules, int segmentField, Instant at) {
        if (rules != null) {
            int[] assigned = new int[batch.rows()];
            rules.assign(batch, at, assigned);
            String[] out = new String[batch.rows()];
            for (int r = 0; r < out.length; r++) {
                out[r] =
                        assigned[r] < 0 ? "" : rules.segments().get(assigned[r]).name();
            }
            return out;
        }
        if (segmentField >= 0) {
            return Arrays.copyOf(batch.texts(segmentField), batch.rows());
        }
        return null;
    }

    private static int fieldOf(ProfileSchema schema, String name, ProfileType type) {
        return schema.field(name)
                .filter(f -> f.type() == type)
                .map(f -> schema.indexOf(name))
                .orElse(-1);
    }

    private ProfileSchema inferSchema(List<String> header) {
        ProfileSchema.Builder b = ProfileSchema.builder();
        for (String s : stages) {
            b.field(s, ProfileType.DATE);
        }
        if (header.contains(segmentColumn)) {
            b.field(segmentColumn, ProfileType.STRING);
        }
        for (String c : List.of("aum", "aum_prev")) {
            if (header.contains(c)) {
                b.field(c, ProfileType.DOUBLE);
            }
        }
        if (header.contains(activityColumn)) {
            b.field(activityColumn, ProfileType.DOUBLE);
        }
        try {
            return b.build();
        } catch (io.remotebank.segmentation.SegmentationException e) {
            throw new ParameterException(spec.commandLine(), "--stages: " + Inputs.reason(e));
        }
    }

    private static void print(FunnelReport report, PrintWriter err) {
        err.printf("rb funnel: %,d customers%n", report.customers());
        for (StageStats s : report.overall()) {
            err.printf(
                    "  %s %,d  %s of previous%s%n",
                    s.stage(),
                    s.reached(),
                    Charts.pct(s.conversion()),
                    s.medianDays().isPresent()
                            ? String.format(", median %.0f days", s.medianDays().getAsDouble())
                            : "");
        }
        report.keyMoment()
                .ifPresent(k -> err.printf(
                        "  key moment: %s -> %s keeps %s (%,d lost)%n",
                        k.from(), k.to(), Charts.pct(k.conversion()), k.lost()));
        for (String segment : report.bySegment().keySet()) {
            Optional<KeyMoment> k = report.keyMoment(segment);
            k.ifPresent(m -> err.printf(
                    "  segment %s: key moment %s -> %s keeps %s%n",
                    segment.isEmpty() ? "(none)" : segment, m.from(), m.to(), Charts.pct(m.conversion())));
        }
    }

    private static ObjectNode json(FunnelReport report, int failed) {
        ObjectNode json = Json.object().put("customers", report.customers()).put("failed", failed);
        json.set("overall", stages(report.overall()));
        report.keyMoment().ifPresent(k -> json.set("keyMoment", moment(k)));
        ObjectNode seg = json.putObject("segments");
        report.bySegment().forEach((name, stats) -> {
            ObjectNode s = seg.putObject(name);
            s.set("stages", stages(stats));
            report.keyMoment(name).ifPresent(k -> s.set("keyMoment", moment(k)));
        });
        ObjectNode cohorts = json.putObject("cohorts");
        report.byCohort().forEach((month, counts) -> {
            ArrayNode a = cohorts.putArray(month);
            counts.forEach(a::add);
        });
        return json;
    }

    private static ArrayNode stages(List<StageStats> stats) {
        ArrayNode a = Json.object().arrayNode();
        for (StageStats s : stats) {
            ObjectNode o = a.addObject()
                    .put("stage", s.stage())
                    .put("reached", s.reached())
                    .put("dropOff", s.dropOff());
            if (!Double.isNaN(s.conversion())) {
                o.put("conversion", s.conversion());
            }
            s.medianDays().ifPresent(d -> o.put("medianDays", d));
        }
        return a;
    }

    private static ObjectNode moment(KeyMoment k) {
        return Json.object()
                .put("from", k.from())
                .put("to", k.to())
                .put("lost", k.lost())
                .put("conversion", k.conversion());
    }
}
