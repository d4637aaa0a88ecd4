package io.remotebank.routing.workforce;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.internal.Args;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Erlang A: Palm's M/M/N+M queue, where each caller hangs up after an exponentially distributed
 * patience unless answered first (Garnett, Mandelbaum and Reiman, "Designing a call center with
 * impatient customers", MSOM 4(3), 2002). Because callers leave, the queue is stable at any load.
 *
 * <p><b>Definitions.</b> The probability of waiting is the share of callers who find every agent busy.
 * The service level counts abandons as misses, like the engine's statistics: it is the share of all
 * callers answered within the threshold, so a caller who hangs up after two seconds is a miss. The
 * ASA averages the waits of answered callers; the expected wait averages every caller's time in queue
 * (answered or not) and equals {@code P(abandon) × mean patience}.
 *
 * <p><b>How it is computed.</b> With arrival rate λ, handle rate μ and abandon rate θ, a caller who
 * finds every agent busy has an offered wait {@code V} (the wait it would have with infinite
 * patience) whose density is {@code π_N · Nμ · exp(−Nμs + (λ/θ)(1 − e^{−θs}))}, where {@code π_N} is
 * the stationary probability of exactly {@code N} callers in the system. The caller is answered if
 * its patience outlasts {@code V}, which happens with probability {@code e^{−θV}}. Every measure is
 * therefore a one-dimensional integral of a log-concave function, evaluated in log space by adaptive
 * Gauss-Kronrod quadrature, and {@code π_N} comes from the Erlang B recurrence in log space: no
 * factorial, power or incomplete gamma function is ever formed.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ErlangA implements StaffingModel {

    private final Traffic traffic;
    private final Duration averagePatience;

    private ErlangA(Traffic traffic, Duration averagePatience) {
        this.traffic = Args.notNull(traffic, "traffic");
        this.averagePatience = Args.positive(averagePatience, "average patience");
    }

    /**
     * The Erlang A model of some traffic and its callers' mean patience.
     *
     * @param traffic the traffic
     * @param averagePatience the mean time a caller waits before hanging up, positive
     * @return the model
     */
    public static ErlangA of(Traffic traffic, Duration averagePatience) {
        return new ErlangA(traffic, averagePatience);
    }

    @Override
    public Traffic traffic() {
        return traffic;
    }

    /** The callers' mean patience. */
    public Duration averagePatience() {
        return averagePatience;
    }

    @Override
    public Prediction predict(int agents, Duration threshold) {
        ErlangC.checkAgents(agents);
        Args.nonNegative(threshold, "service-level threshold");
        double a = traffic.erlangs();
        double aht = traffic.handleSeconds();
        double patience = Traffic.seconds(averagePatience);
        if (a == 0) {
            return new Prediction(agents, 0, threshold, 0, 1, 0, 0, 0, 0);
        }
        if (agents == 0) {
            // nobody is ever answered: every caller waits out its patience
            return new Prediction(agents, a, threshold, 1, 0, Double.NaN, patience, 1, 0);
        }
        // time in units of the mean handle time: handle rate 1, abandon rate th, offered load a
        int n = agents;
        double th = aht / patience;
        double y = a / th;
        double tau = Traffic.seconds(threshold) / aht;
        // log of exp(-n s + y (1 - e^{-th s})): the offered-wait density over pi_n * n
        java.util.function.DoubleUnaryOperator base = s -> -n * s - y * Math.expm1(-th * s);
        double logWaitMass = LogSpace.logIntegral(base, Double.POSITIVE_INFINITY);
        double logAbandonMass = LogSpace.logIntegral(
                s -> base.applyAsDouble(s) + Math.log(-Math.expm1(-th * s)), Double.POSITIVE_INFINITY);
        double logAnsweredMass = LogSpace.logIntegral(s -> base.applyAsDouble(s) - th * s, Double.POSITIVE_INFINITY);
        double logAnsweredWait =
                LogSpace.logIntegral(s -> base.applyAsDouble(s) - th * s + Math.log(s), Double.POSITIVE_INFINITY);
        double logAnsweredInTime =
                tau == 0 ? Double.NEGATIVE_INFINITY : LogSpace.logIntegral(s -> base.applyAsDouble(s) - th * s, tau);

        double logInverseB = LogSpace.logInverseErlangB(n, a);
        // callers with fewer than n ahead: pi_n (1/B - 1); with n or more: pi_n * n * waitMass
        double logIdle = LogSpace.logExpm1(logInverseB);
        double logN = Math.log(n);
        double logPiN = -LogSpace.logSum(logIdle, logN + logWaitMass);
        double pIdle = Math.exp(logPiN + logIdle);
        double pWait = Math.exp(logPiN + logN + logWaitMass);
        double pAbandon = Math.exp(logPiN + logN + logAbandonMass);
        double pAnsweredAfterWait = Math.exp(logPiN + logN + logAnsweredMass);
        double sl = pIdle + Math.exp(logPiN + logN + logAnsweredInTime);
        double answered = pIdle + pAnsweredAfterWait;
        double asa = Math.exp(logPiN + logN + logAnsweredWait) / answered * aht;
        double expectedWait = pAbandon * patience;
        double occupancy = a * (1 - pAbandon) / n;
        return new Prediction(
                n, a, threshold, clamp(pWait), clamp(sl), asa, expectedWait, clamp(pAbandon), Math.min(1, occupancy));
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }

    @Override
    public int agentsNeeded(ServiceTarget target) {
        Args.notNull(target, "target");
        double a = traffic.erlangs();
        if (a == 0) {
            return 0;
        }
        // the service level and occupancy improve with every agent added: search by doubling, then bisect
        int lo = 0; // does not meet (every caller abandons)
        int hi = Math.max(1, (int) Math.ceil(a));
        while (!meets(hi, target)) {
            lo = hi;
            if (hi >= MAX_AGENTS) {
                throw ErlangC.tooMany(a);
            }
            hi = (int) Math.min(MAX_AGENTS, 2L * hi);
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (meets(mid, target)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private boolean meets(int agents, ServiceTarget target) {
        return predict(agents, target.threshold()).meets(target);
    }

    @Override
    public String toString() {
        return "ErlangA[" + traffic.erlangs() + " erlangs, AHT " + traffic.averageHandleTime() + ", patience "
                + averagePatience + "]";
    }
}
