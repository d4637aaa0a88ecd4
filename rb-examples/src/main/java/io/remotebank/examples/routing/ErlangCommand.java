package io.remotebank.examples.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.workforce.ErlangA;
import io.remotebank.routing.workforce.ErlangC;
import io.remotebank.routing.workforce.Prediction;
import io.remotebank.routing.workforce.ServiceTarget;
import io.remotebank.routing.workforce.StaffingModel;
import io.remotebank.routing.workforce.Traffic;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rb erlang}: how many agents a queue needs (Erlang C, or Erlang A with --patience). */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "erlang",
        mixinStandardHelpOptions = true,
        description = {
            "How many agents answer the target share of calls within the target time: Erlang C, or Erlang A",
            "(callers hang up after an exponential patience, abandons count as misses) with --patience.",
            "Prints the agents needed and, for that number and one fewer, the probability of waiting, the",
            "service level, the ASA and the occupancy (and the abandon probability with --patience)."
        })
public final class ErlangCommand implements Callable<Integer> {

    @Option(names = "--calls", required = true, paramLabel = "N", description = "Calls offered in the interval.")
    double calls;

    @Option(
            names = "--interval-seconds",
            required = true,
            paramLabel = "S",
            description = "The interval's length in seconds (e.g. 1800 for a half hour).")
    double intervalSeconds;

    @Option(
            names = "--aht",
            required = true,
            paramLabel = "S",
            description = "Average handle time in seconds (talk, hold and after-call work).")
    double aht;

    @Option(
            names = "--target-sl",
            paramLabel = "P",
            defaultValue = "0.8",
            description =
                    "Share of calls to answer within the target time, above 0 and below 1 (default: ${DEFAULT-VALUE}).")
    double targetServiceLevel;

    @Option(
            names = "--target-seconds",
            paramLabel = "S",
            defaultValue = "20",
            description = "The target answer time in seconds (default: ${DEFAULT-VALUE}).")
    double targetSeconds;

    @Option(
            names = "--patience",
            paramLabel = "S",
            description = "Mean caller patience in seconds: use Erlang A instead of Erlang C.")
    Double patience;

    @Option(
            names = "--max-occupancy",
            paramLabel = "P",
            defaultValue = "1",
            description = "Also keep occupancy at or below this share, above 0 and at most 1 (default: no limit).")
    double maxOccupancy;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public ErlangCommand() {}

    @Override
    public Integer call() {
        Duration handle = Figures.seconds(spec, "--aht", aht);
        Duration interval = Figures.seconds(spec, "--interval-seconds", intervalSeconds);
        if (!(targetSeconds >= 0) || targetSeconds > 1e9) {
            throw Figures.usage(spec, "--target-seconds must be 0 or more (got " + targetSeconds + ")");
        }
        Duration threshold = Duration.ofNanos(Math.round(targetSeconds * 1e9));
        StaffingModel model;
        ServiceTarget target;
        int agents;
        List<Prediction> predictions = new ArrayList<>();
        try {
            Traffic traffic = Traffic.of(calls, interval, handle);
            model = patience == null
                    ? ErlangC.of(traffic)
                    : ErlangA.of(traffic, Figures.seconds(spec, "--patience", patience));
            target = new ServiceTarget(targetServiceLevel, threshold, maxOccupancy);
            agents = model.agentsNeeded(target);
            predictions.add(model.predict(agents, threshold));
            if (agents > 0) {
                predictions.add(model.predict(agents - 1, threshold));
            }
        } catch (RoutingException e) {
            throw Figures.usage(spec, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.document(json(model, target, agents, predictions)));
        } else {
            print(out, model, target, agents, predictions);
        }
        return ExitCodes.OK;
    }

    private String modelName() {
        return patience == null ? "erlang-c" : "erlang-a";
    }

    private void print(
            PrintWriter out, StaffingModel model, ServiceTarget target, int agents, List<Prediction> predictions) {
        out.printf(
                Locale.ROOT,
                "Traffic:        %s calls in %s s, AHT %s s = %.3f erlangs%n",
                number(calls),
                number(intervalSeconds),
                number(aht),
                model.traffic().erlangs());
        out.printf(
                Locale.ROOT,
                "Model:          %s%n",
                patience == null
                        ? "Erlang C (callers wait as long as it takes)"
                        : "Erlang A (mean patience " + number(patience) + " s; abandons count as misses)");
        out.printf(
                Locale.ROOT,
                "Target:         %s answered within %s s%s%n",
                Figures.percent(target.serviceLevel()),
                number(targetSeconds),
                target.maxOccupancy() < 1 ? ", occupancy at most " + Figures.percent(target.maxOccupancy()) : "");
        out.printf(Locale.ROOT, "Agents needed:  %d%n%n", agents);
        boolean abandon = patience != null;
        out.printf(
                Locale.ROOT,
                "%8s %10s %14s %11s %10s%s%n",
                "agents",
                "P(wait)",
                "service level",
                "ASA",
                "occupancy",
                abandon ? String.format(Locale.ROOT, " %10s", "abandon") : "");
        for (Prediction p : predictions) {
            out.printf(
                    Locale.ROOT,
                    "%8d %10s %14s %11s %10s%s%n",
                    p.agents(),
                    Figures.percent(p.probabilityOfWaiting()),
                    Figures.percent(p.serviceLevel()),
                    Figures.secondsText(p.averageSpeedOfAnswerSeconds()),
                    Figures.percent(p.occupancy()),
                    abandon ? String.format(Locale.ROOT, " %10s", Figures.percent(p.probabilityOfAbandon())) : "");
        }
    }

    private ObjectNode json(StaffingModel model, ServiceTarget target, int agents, List<Prediction> predictions) {
        ObjectNode json = Json.object().put("model", modelName());
        json.putObject("traffic")
                .put("calls", calls)
                .put("intervalSeconds", intervalSeconds)
                .put("ahtSeconds", aht)
                .put("erlangs", model.traffic().erlangs());
        if (patience != null) {
            json.put("patienceSeconds", patience.doubleValue());
        }
        json.putObject("target")
                .put("serviceLevel", target.serviceLevel())
                .put("seconds", targetSeconds)
                .put("maxOccupancy", target.maxOccupancy());
        json.put("agentsNeeded", agents);
        ArrayNode array = json.putArray("predictions");
        for (Prediction p : predictions) {
            ObjectNode node = array.addObject().put("agents", p.agents());
            Figures.put(node, "probabilityOfWaiting", p.probabilityOfWaiting());
            Figures.put(node, "serviceLevel", p.serviceLevel());
            Figures.put(node, "averageSpeedOfAnswerSeconds", p.averageSpeedOfAnswerSeconds());
            Figures.put(node, "occupancy", p.occupancy());
            if (patience != null) {
                Figures.put(node, "probabilityOfAbandon", p.probabilityOfAbandon());
                Figures.put(node, "expectedWaitSeconds", p.expectedWaitSeconds());
            }
        }
        return json;
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
