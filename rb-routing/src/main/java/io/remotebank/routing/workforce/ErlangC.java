package io.remotebank.routing.workforce;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.internal.Args;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Erlang C: the M/M/N queue, where callers wait as long as it takes (no abandonment) and are answered
 * first come, first served.
 *
 * <p>With {@code A} erlangs offered to {@code N} agents, the probability of waiting is {@code C =
 * N·B / (N − A·(1 − B))}, where {@code B} is Erlang B computed by its recurrence in log space; the
 * service level for a threshold {@code t} is {@code 1 − C·exp(−(N − A)·t / AHT)}; the ASA is {@code
 * C·AHT / (N − A)}; the occupancy {@code A / N}. With {@code A >= N} the queue grows without bound:
 * every caller waits, the service level is 0 and waits are infinite.
 *
 * <pre>{@code
 * ErlangC erlang = ErlangC.of(Traffic.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180)));
 * int agents = erlang.agentsNeeded(ServiceTarget.of(0.8, Duration.ofSeconds(20))); // 14
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ErlangC implements StaffingModel {

    private final Traffic traffic;

    private ErlangC(Traffic traffic) {
        this.traffic = Args.notNull(traffic, "traffic");
    }

    /**
     * The Erlang C model of some traffic.
     *
     * @param traffic the traffic
     * @return the model
     */
    public static ErlangC of(Traffic traffic) {
        return new ErlangC(traffic);
    }

    @Override
    public Traffic traffic() {
        return traffic;
    }

    @Override
    public Prediction predict(int agents, Duration threshold) {
        checkAgents(agents);
        Args.nonNegative(threshold, "service-level threshold");
        double a = traffic.erlangs();
        return predict(agents, a, a == 0 ? 0 : LogSpace.logInverseErlangB(agents, a), threshold);
    }

    private Prediction predict(int n, double a, double logInverseB, Duration threshold) {
        double aht = traffic.handleSeconds();
        if (a == 0) {
            return new Prediction(n, 0, threshold, 0, 1, 0, 0, 0, 0);
        }
        if (a >= n) {
            double asa = Double.POSITIVE_INFINITY;
            return new Prediction(n, a, threshold, 1, 0, asa, asa, 0, 1);
        }
        double rho = a / n;
        // 1/C = (1 - rho)/B + rho, in logs: B may be far below the smallest double
        double logInverseC = LogSpace.logSum(Math.log1p(-rho) + logInverseB, Math.log(rho));
        double wait = Math.exp(-logInverseC);
        double t = Traffic.seconds(threshold);
        double sl = -Math.expm1(Math.log(wait) - (n - a) * t / aht);
        double asa = wait * aht / (n - a);
        return new Prediction(n, a, threshold, wait, sl, asa, asa, 0, rho);
    }

    @Override
    public int agentsNeeded(ServiceTarget target) {
        Args.notNull(target, "target");
        double a = traffic.erlangs();
        if (a == 0) {
            return 0;
        }
        int n = Math.max((int) Math.floor(a) + 1, minimumForOccupancy(a, target.maxOccupancy()));
        double logInverseB = LogSpace.logInverseErlangB(n, a);
        double logA = Math.log(a);
        while (!predict(n, a, logInverseB, target.threshold()).meets(target)) {
            n++;
            if (n > MAX_AGENTS) {
                throw tooMany(a);
            }
            logInverseB = LogSpace.softplus(Math.log(n) - logA + logInverseB);
        }
        return n;
    }

    /** The fewest agents whose occupancy {@code a / n} is at most {@code max}. */
    static int minimumForOccupancy(double a, double max) {
        double exact = a / max;
        if (exact > MAX_AGENTS) {
            throw tooMany(a);
        }
        int n = (int) Math.ceil(exact);
        while (n > 1 && a / (n - 1) <= max) {
            n--;
        }
        while (a / n > max) {
            n++;
        }
        return n;
    }

    static void checkAgents(int agents) {
        if (agents < 0 || agents > MAX_AGENTS) {
            throw new RoutingException(
                    RoutingError.ARGUMENT_INVALID, "agents must be in [0, " + MAX_AGENTS + "] (got " + agents + ")");
        }
    }

    static RoutingException tooMany(double erlangs) {
        return new RoutingException(
                RoutingError.ARGUMENT_INVALID,
                "the target needs more than " + MAX_AGENTS + " agents for " + erlangs + " erlangs");
    }

    @Override
    public String toString() {
        return "ErlangC[" + traffic.erlangs() + " erlangs, AHT " + traffic.averageHandleTime() + "]";
    }
}
