package io.remotebank.examples.routing;

import static io.remotebank.examples.routing.ErlangCommand.number;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.AgentId;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueStatistics;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.simulation.ArrivalRate;
import io.remotebank.routing.simulation.ContactStream;
import io.remotebank.routing.simulation.HandleTime;
import io.remotebank.routing.simulation.Patience;
import io.remotebank.routing.simulation.Simulation;
import io.remotebank.routing.workforce.ErlangA;
import io.remotebank.routing.workforce.ErlangC;
import io.remotebank.routing.workforce.Prediction;
import io.remotebank.routing.workforce.StaffingModel;
import io.remotebank.routing.workforce.Traffic;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rb simulate}: one queue simulated with the real routing engine, beside Erlang's prediction. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Simulate one queue on virtual time with the real routing engine: Poisson arrivals, exponential",
            "(or log-normal) handle times, exponential patience with --patience. Prints the service level, ASA,",
            "abandon rate and occupancy the engine measured after the warm-up, and Erlang C's (or with",
            "--patience Erlang A's) prediction beside them. The same --seed gives the same figures."
        })
public final class SimulateCommand implements Callable<Integer> {

    /** Handle-time distributions. */
    enum Distribution {
        EXPONENTIAL,
        LOGNORMAL
    }

    @Option(names = "--agents", required = true, paramLabel = "N", description = "Agents, all working the whole run.")
    int agents;

    @Option(names = "--calls", required = true, paramLabel = "N", description = "Calls offered per interval.")
    double calls;

    @Option(
            names = "--interval-seconds",
            required = true,
            paramLabel = "S",
            description = "The interval's length in seconds (e.g. 1800).")
    double intervalSeconds;

    @Option(names = "--aht", required = true, paramLabel = "S", description = "Average handle time in seconds.")
    double aht;

    @Option(
            names = "--patience",
            paramLabel = "S",
            description = "Mean caller patience in seconds (default: unlimited).")
    Double patience;

    @Option(
            names = "--duration-hours",
            paramLabel = "H",
            defaultValue = "24",
            description = "Virtual hours to simulate, warm-up included (default: ${DEFAULT-VALUE}).")
    double durationHours;

    @Option(
            names = "--warm-up-hours",
            paramLabel = "H",
            defaultValue = "1",
            description = "Hours simulated before the statistics start (default: ${DEFAULT-VALUE}).")
    double warmUpHours;

    @Option(
            names = "--target-seconds",
            paramLabel = "S",
            defaultValue = "20",
            description = "The service-level threshold in seconds (default: ${DEFAULT-VALUE}).")
    double targetSeconds;

    @Option(
            names = "--handle-time",
            paramLabel = "KIND",
            defaultValue = "exponential",
            description = "exponential (as Erlang assumes) or lognormal (default: ${DEFAULT-VALUE}).")
    Distribution distribution;

    @Option(
            names = "--aht-stddev",
            paramLabel = "S",
            description = "Standard deviation of log-normal handle times in seconds (default: the AHT).")
    Double ahtStddev;

    @Option(
            names = "--seed",
            paramLabel = "X",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public SimulateCommand() {}

    @Override
    public Integer call() {
        if (agents < 0 || agents > 100_000) {
            throw Figures.usage(spec, "--agents must be 0 to 100000 (got " + agents + ")");
        }
        Duration handle = Figures.seconds(spec, "--aht", aht);
        Duration interval = Figures.seconds(spec, "--interval-seconds", intervalSeconds);
        Duration duration = hours("--duration-hours", durationHours, false);
        Duration warmUp = hours("--warm-up-hours", warmUpHours, true);
        if (!(targetSeconds >= 0) || targetSeconds > 1e9) {
            throw Figures.usage(spec, "--target-seconds must be 0 or more (got " + targetSeconds + ")");
        }
        Duration threshold = Duration.ofNanos(Math.round(targetSeconds * 1e9));
        if (ahtStddev != null && distribution != Distribution.LOGNORMAL) {
            throw Figures.usage(spec, "--aht-stddev applies to --handle-time lognormal only");
        }
        QueueStatistics simulated;
        Prediction predicted;
        try {
            Traffic traffic = Traffic.of(calls, interval, handle);
            Duration meanPatience = patience == null ? null : Figures.seconds(spec, "--patience", patience);
            StaffingModel model = meanPatience == null ? ErlangC.of(traffic) : ErlangA.of(traffic, meanPatience);
            predicted = model.predict(agents, threshold);
            HandleTime handleTime = distribution == Distribution.EXPONENTIAL
                    ? HandleTime.exponential(handle)
                    : HandleTime.logNormal(
                            handle, ahtStddev == null ? handle : Figures.seconds(spec, "--aht-stddev", ahtStddev));
            ContactStream.Builder stream = ContactStream.builder("queue")
                    .arrivals(ArrivalRate.constant(calls, interval))
                    .handleTime(handleTime);
            if (meanPatience != null) {
                stream.patience(Patience.exponential(meanPatience));
            }
            simulated = Simulation.builder()
                    .seed(seed)
                    .duration(duration)
                    .warmUp(warmUp)
                    .queue(QueueConfig.builder("queue")
                            .serviceLevelThreshold(threshold)
                            .build())
                    .contacts(stream.build())
                    .agents(
                            agents,
                            i -> AgentProfile.builder(AgentId.of("agent-" + (i + 1)))
                                    .queue("queue")
                                    .build())
                    .build()
                    .run()
                    .statistics("queue");
        } catch (RoutingException e) {
            throw Figures.usage(spec, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.document(json(simulated, predicted)));
        } else {
            print(out, simulated, predicted);
        }
        return ExitCodes.OK;
    }

    private Duration hours(String option, double value, boolean zeroAllowed) {
        if (!(zeroAllowed ? value >= 0 : value > 0) || value > 87_600) {
            throw Figures.usage(
                    spec,
                    option + " must be " + (zeroAllowed ? "0" : "more than 0") + " to 87600 hours (got " + value + ")");
        }
        return Duration.ofMillis(Math.round(value * 3_600_000));
    }

    private String modelName() {
        return patience == null ? "Erlang C" : "Erlang A";
    }

    private void print(PrintWriter out, QueueStatistics s, Prediction p) {
        out.printf(
                Locale.ROOT,
                "Simulated %s h (the first %s h as warm-up), seed %d: %d agents, %s calls per %s s, AHT %s s%s%n",
                number(durationHours),
                number(warmUpHours),
                seed,
                agents,
                number(calls),
                number(intervalSeconds),
                number(aht),
                patience == null ? "" : ", mean patience " + number(patience) + " s");
        out.printf(
                Locale.ROOT,
                "Offered %d calls (answered %d, abandoned %d); %d still waiting at the end%n%n",
                s.offered(),
                s.answered(),
                s.abandoned(),
                s.waiting());
        out.printf(Locale.ROOT, "%-28s %12s %12s%n", "", "simulated", modelName());
        out.printf(
                Locale.ROOT,
                "%-28s %12s %12s%n",
                "service level (" + number(targetSeconds) + " s)",
                Figures.percent(s.serviceLevel()),
                Figures.percent(p.serviceLevel()));
        out.printf(
                Locale.ROOT,
                "%-28s %12s %12s%n",
                "ASA",
                Figures.secondsText(
                        s.answered() == 0
                                ? Double.NaN
                                : s.averageSpeedOfAnswer().toNanos() / 1e9),
                Figures.secondsText(p.averageSpeedOfAnswerSeconds()));
        out.printf(
                Locale.ROOT,
                "%-28s %12s %12s%n",
                "abandon rate",
                Figures.percent(s.abandonRate()),
                Figures.percent(p.probabilityOfAbandon()));
        out.printf(
                Locale.ROOT,
                "%-28s %12s %12s%n",
                "occupancy",
                Figures.percent(s.occupancy()),
                Figures.percent(p.occupancy()));
        if (!p.stable()) {
            out.println();
            out.println("Erlang C: the load is at least the agents, so the queue grows without bound.");
        }
    }

    private ObjectNode json(QueueStatistics s, Prediction p) {
        ObjectNode json = Json.object();
        ObjectNode input = json.putObject("input")
                .put("agents", agents)
                .put("calls", calls)
                .put("intervalSeconds", intervalSeconds)
                .put("ahtSeconds", aht)
                .put("handleTime", distribution.name().toLowerCase(Locale.ROOT))
                .put("durationHours", durationHours)
                .put("warmUpHours", warmUpHours)
                .put("targetSeconds", targetSeconds)
                .put("seed", seed);
        if (patience != null) {
            input.put("patienceSeconds", patience.doubleValue());
        }
        ObjectNode sim = json.putObject("simulated")
                .put("offered", s.offered())
                .put("answered", s.answered())
                .put("abandoned", s.abandoned())
                .put("waitingAtEnd", s.waiting());
        Figures.put(sim, "serviceLevel", s.serviceLevel());
        Figures.put(
                sim,
                "averageSpeedOfAnswerSeconds",
                s.answered() == 0 ? Double.NaN : s.averageSpeedOfAnswer().toNanos() / 1e9);
        Figures.put(sim, "abandonRate", s.abandonRate());
        Figures.put(sim, "occupancy", s.occupancy());
        ObjectNode predicted = json.putObject("predicted").put("model", patience == null ? "erlang-c" : "erlang-a");
        predicted.put("stable", p.stable());
        Figures.put(predicted, "serviceLevel", p.serviceLevel());
        Figures.put(predicted, "averageSpeedOfAnswerSeconds", p.averageSpeedOfAnswerSeconds());
        Figures.put(predicted, "abandonRate", p.probabilityOfAbandon());
        Figures.put(predicted, "occupancy", p.occupancy());
        Figures.put(predicted, "probabilityOfWaiting", p.probabilityOfWaiting());
        return json;
    }
}
