package io.remotebank.examples.segmentation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.channels.Category;
import io.remotebank.channels.policy.ContactPolicy;
import io.remotebank.channels.policy.FrequencyCap;
import io.remotebank.channels.policy.QuietHours;
import io.remotebank.channels.policy.QuietHoursAction;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.RbException;
import io.remotebank.core.text.CsvCell;
import io.remotebank.core.time.Clocks;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.batch.CsvChunk;
import io.remotebank.segmentation.batch.CsvInput;
import io.remotebank.segmentation.batch.ProfileColumns;
import io.remotebank.segmentation.batch.ProfileScorer;
import io.remotebank.segmentation.nba.Action;
import io.remotebank.segmentation.nba.Decision;
import io.remotebank.segmentation.nba.NextBestAction;
import io.remotebank.segmentation.nba.Propensity;
import io.remotebank.segmentation.pmml.PmmlReader;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.rules.Condition;
import io.remotebank.segmentation.rules.Formula;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/** {@code rb nba}: the next best action for each customer, under the contact policy and campaign capacities. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "nba",
        mixinStandardHelpOptions = true,
        description = {
            "Choose at most one action per customer of a CSV file: among the actions they are eligible for",
            "(a CEL rule), scored (a propensity: a number, a CEL formula or a PMML model's output, times a",
            "value formula) and allowed by rb-channels' contact policy (marketing consent from consent_call /",
            "consent_sms columns, the sending window, frequency caps against contacts_7d), the one of highest",
            "expected value, within each campaign's capacity (allotted best-first over the whole file, at",
            "most 1,000,000 customers). The actions file holds 'actions:' [{name, campaign, channel, when,",
            "propensity, value}], optional 'capacity:' {campaign: n} and 'policy:' {from: '08:00', until:",
            "'20:00', zone: Asia/Shanghai, max_per_week: 2}. Output: customer id, action, expected value and",
            "the explanation; --json prints the counts. Ids are masked unless --unmasked."
        })
public final class NbaCommand implements Callable<Integer> {

    static final int MAX_ROWS = 1_000_000;

    @Option(names = "--schema", required = true, paramLabel = "SCHEMA.yaml", description = "The column types.")
    Path schemaFile;

    @Option(names = "--actions", required = true, paramLabel = "ACTIONS.yaml", description = "The candidate actions.")
    Path actionsFile;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "IN.csv",
            description = "The customers, CSV with a header.")
    Path input;

    @Option(names = "--output", paramLabel = "OUT.csv", description = "Where the decisions go; default: stdout.")
    Path output;

    @Option(
            names = "--now",
            paramLabel = "TIME",
            description = "When the contacts would happen (ISO with a zone);" + " default: the clock.")
    String now;

    @Mixin
    OutputOptions options = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** The clock when {@code --now} is not given. */
    Clock clock = Clocks.system();

    /** For picocli. */
    public NbaCommand() {}

    @Override
    public Integer call() throws Exception {
        ProfileSchema schema = Inputs.schema(spec, schemaFile);
        JsonNode config = Inputs.yaml(spec, "--actions", actionsFile);
        Instant at = Inputs.now(spec, now, clock);
        NextBestAction.Builder builder = NextBestAction.builder()
                .clock(Clock.fixed(at, ZoneOffset.UTC))
                .gate(new ChannelsContactGate(policy(config.path("policy"))));
        try {
            for (Action a : actions(config.path("actions"), schema)) {
                builder.action(a);
            }
            for (Map.Entry<String, JsonNode> e : config.path("capacity").properties()) {
                if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()) {
                    throw new ParameterException(
                            spec.commandLine(), "--actions: capacity of '" + e.getKey() + "' must be a whole number");
                }
                builder.capacity(e.getKey(), e.getValue().asLong());
            }
        } catch (RbException e) {
            throw new ParameterException(spec.commandLine(), "--actions: " + Inputs.reason(e));
        }
        NextBestAction nba = builder.build();
        PrintWriter err = spec.commandLine().getErr();
        ProfileBatch batch;
        List<String> failures = new ArrayList<>();
        String idColumn;
        try (CsvInput in = Inputs.open(spec, "--input", input)) {
            idColumn = in.header().get(0);
            ProfileColumns columns = ProfileColumns.match(schema, in.header());
            List<CsvChunk> chunks = new ArrayList<>();
            long rows = 0;
            for (CsvChunk c; (c = Inputs.next(in, 65_536)) != null; ) {
                rows += c.size();
                if (rows > MAX_ROWS) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "--input: more than " + MAX_ROWS + " customers; split the file: capacity"
                                    + " is allotted over one file");
                }
                chunks.add(c);
                err.printf("rb nba: %,d rows read%n", rows);
                err.flush();
            }
            batch = schema.newBatch((int) Math.max(1, rows));
            ProfileBatch part = schema.newBatch(65_536);
            int good = 0;
            for (CsvChunk c : chunks) {
                String[] errors = new String[c.size()];
                columns.parse(c, part, errors);
                for (int r = 0; r < c.size(); r++) {
                    if (errors[r] != null) {
                        failures.add("line " + c.line(r) + ": " + errors[r]);
                        continue;
                    }
                    batch.setAll(good, part.ids()[r], part.toMap(r));
                    good++;
                }
            }
            batch.rows(good);
        }
        failures.forEach(f -> err.println("rb nba: " + f));
        err.printf("rb nba: deciding for %,d customers%n", batch.rows());
        List<Decision> decisions = nba.decide(batch);
        ScoreColumns ids = new ScoreColumns(idColumn, List.of(), options.unmasked());
        if (output != null || !options.json()) {
            try (Writer out = output != null
                    ? new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))
                    : new NonClosingWriter(spec.commandLine().getOut())) {
                out.write(CsvCell.textRow(List.of(idColumn, "action", "expected_value", "explanation")));
                out.write('\n');
                for (Decision d : decisions) {
                    out.write(CsvCell.text(ids.id(d.customerId())));
                    out.write(',');
                    out.write(CsvCell.text(d.action().orElse("")));
                    out.write(',');
                    out.write(
                            Double.isNaN(d.expectedValue())
                                    ? ""
                                    : CsvCell.number(String.format(java.util.Locale.ROOT, "%.2f", d.expectedValue())));
                    out.write(',');
                    out.write(CsvCell.text(d.explain()));
                    out.write('\n');
                }
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Long> counts = nba.counts(decisions);
        err.printf("rb nba: %s%n", counts);
        if (options.json()) {
            ObjectNode json = Json.object().put("rows", decisions.size()).put("failed", failures.size());
            ObjectNode chosen = json.putObject("actions");
            counts.forEach((k, v) -> {
                if (!k.isEmpty()) {
                    chosen.put(k, v);
                }
            });
            json.put("none", counts.get(""));
            spec.commandLine().getOut().println(Json.document(json));
        }
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private ContactPolicy policy(JsonNode p) {
        ContactPolicy.Builder b = ContactPolicy.builder();
        try {
            if (p.has("from") || p.has("until")) {
                b.quietHours(
                        Category.MARKETING,
                        QuietHours.sendBetween(
                                LocalTime.parse(p.path("from").asText("08:00")),
                                LocalTime.parse(p.path("until").asText("20:00"))),
                        QuietHoursAction.SUPPRESS);
            }
            if (p.has("zone")) {
                b.defaultZone(java.time.ZoneId.of(p.path("zone").asText()));
            }
            if (p.has("max_per_week")) {
                b.frequencyCap(
                        Category.MARKETING,
                        FrequencyCap.of(p.path("max_per_week").asInt(), Duration.ofDays(7)));
            }
            return b.build();
        } catch (java.time.DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "--actions: policy: " + e.getMessage());
        } catch (RbException e) {
            throw new ParameterException(spec.commandLine(), "--actions: policy: " + Inputs.reason(e));
        }
    }

    private List<Action> actions(JsonNode list, ProfileSchema schema) {
        if (!list.isArray() || list.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--actions: needs 'actions:', a list of {name, campaign, channel, when," + " propensity, value}");
        }
        List<Action> out = new ArrayList<>();
        for (JsonNode a : list) {
            String name = a.path("name").asText("");
            String where = "--actions: action '" + name + "': ";
            ContactChannel channel;
            try {
                channel = ContactChannel.parse(a.path("channel").asText(""));
            } catch (RbException e) {
                throw new ParameterException(spec.commandLine(), where + Inputs.reason(e));
            }
            JsonNode p = a.path("propensity");
            Propensity propensity;
            if (p.isNumber()) {
                propensity = Propensity.fixed(p.asDouble());
            } else if (p.isTextual()) {
                propensity = Propensity.formula(Formula.compile(name, p.asText(), schema));
            } else if (p.path("pmml").isTextual()) {
                Path model = actionsFile
                        .toAbsolutePath()
                        .getParent()
                        .resolve(p.path("pmml").asText());
                try {
                    propensity = Propensity.model(
                            ProfileScorer.of(PmmlReader.ofDefaults().read(model), schema),
                            p.path("output").asText(""));
                } catch (UncheckedIOException e) {
                    throw new ParameterException(spec.commandLine(), where + "cannot read " + model);
                } catch (SegmentationException e) {
                    throw new ParameterException(spec.commandLine(), where + Inputs.reason(e));
                }
            } else {
                throw new ParameterException(
                        spec.commandLine(),
                        where + "'propensity' is a number, a CEL formula or {pmml: FILE, output: NAME}");
            }
            out.add(new Action(
                    name,
                    a.path("campaign").asText(name),
                    channel,
                    Condition.compile(name, a.path("when").asText("true"), schema),
                    propensity,
                    Formula.compile(name, a.path("value").asText(""), schema)));
        }
        return out;
    }
}
