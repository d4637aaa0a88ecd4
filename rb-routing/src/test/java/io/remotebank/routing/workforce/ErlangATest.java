package io.remotebank.routing.workforce;

import static io.remotebank.routing.workforce.ErlangCTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangATest {

    private static final Duration TWENTY_SECONDS = Duration.ofSeconds(20);

    private static ErlangA erlangA(double calls, long intervalSeconds, long aht, long patience) {
        return ErlangA.of(
                Traffic.of(calls, Duration.ofSeconds(intervalSeconds), Duration.ofSeconds(aht)),
                Duration.ofSeconds(patience));
    }

    @Test
    void example_100CallsIn30Minutes_twoMinutePatience() {
        // tag::erlang-a[]
        ErlangA erlang =
                ErlangA.of(Traffic.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180)), Duration.ofSeconds(120));
        int agents = erlang.agentsNeeded(ServiceTarget.of(0.80, Duration.ofSeconds(20)));
        Prediction p = erlang.predict(agents, Duration.ofSeconds(20));
        double abandoned = p.probabilityOfAbandon(); // abandons count as misses in p.serviceLevel()
        // end::erlang-a[]

        // one agent fewer than Erlang C's 14: callers who hang up free agents for the others
        assertThat(agents).isEqualTo(12);
        assertThat(p.serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(erlang.predict(11, TWENTY_SECONDS).serviceLevel()).isLessThan(0.8);
        assertThat(abandoned).isBetween(0.0, 0.1);
        Oracle oracle = new Oracle(10, 12, 180.0 / 120, 20.0 / 180);
        assertThat(p.serviceLevel()).isCloseTo(oracle.serviceLevel, within(1e-7));
    }

    @ParameterizedTest
    @CsvSource({
        // erlangs, agents, mean patience / AHT, threshold / AHT
        "10, 13, 0.667, 0.111",
        "10, 10, 1.0, 0.111",
        "10, 8, 0.5, 0.111",
        "4, 5, 2.0, 0.5",
        "48, 50, 0.25, 0.0625",
        "20, 15, 3.0, 0.2",
        "2, 1, 0.1, 1.0",
        "30, 40, 10.0, 0.05"
    })
    void matchesTheStationaryDistributionComputedStateByState(
            double erlangs, int agents, double patienceRatio, double thresholdRatio) {
        double aht = 180;
        ErlangA erlang = ErlangA.of(
                new Traffic(erlangs / aht, Duration.ofSeconds(180)),
                Duration.ofNanos(Math.round(patienceRatio * aht * 1e9)));
        Prediction p = erlang.predict(agents, Duration.ofNanos(Math.round(thresholdRatio * aht * 1e9)));
        Oracle oracle = new Oracle(erlangs, agents, 1 / patienceRatio, thresholdRatio);

        assertThat(p.probabilityOfWaiting()).isCloseTo(oracle.waiting, within(1e-9));
        assertThat(p.probabilityOfAbandon()).isCloseTo(oracle.abandon, within(1e-9));
        assertThat(p.serviceLevel()).isCloseTo(oracle.serviceLevel, within(1e-7));
        assertThat(p.occupancy()).isCloseTo(erlangs * (1 - oracle.abandon) / agents, within(1e-9));
        // Little's law on the queue: the mean wait of all callers is the mean queue length / arrival rate
        assertThat(p.expectedWaitSeconds()).isCloseTo(oracle.queueLength / (erlangs / aht), within(1e-6));
    }

    /**
     * An independent computation: the birth-death chain's stationary probabilities state by state
     * (normalised by brute summation), the abandon probability from the flow balance {@code λ·P(Ab) =
     * θ·E[queue]}, and the service level summed over the number of callers ahead, each term the
     * probability that k+1 exponential stages (rates N + iθ) finish within t before the caller's own
     * patience, integrated by Simpson's rule.
     */
    static final class Oracle {
        final double waiting;
        final double abandon;
        final double serviceLevel;
        final double queueLength;

        /** Time unit: the mean handle time. */
        Oracle(double a, int n, double theta, double t) {
            int states = n + 4000;
            double[] log = new double[states];
            for (int j = 1; j < states; j++) {
                double rate = j <= n ? j : n + (j - n) * theta;
                log[j] = log[j - 1] + Math.log(a / rate);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : log) {
                max = Math.max(max, v);
            }
            double total = 0;
            for (double v : log) {
                total += Math.exp(v - max);
            }
            double[] pi = new double[states];
            for (int j = 0; j < states; j++) {
                pi[j] = Math.exp(log[j] - max) / total;
            }
            double w = 0;
            double q = 0;
            double sl = 0;
            for (int j = 0; j < states; j++) {
                if (j < n) {
                    sl += pi[j];
                    continue;
                }
                w += pi[j];
                q += (j - n) * pi[j];
                if (pi[j] > 1e-18 && t > 0) {
                    sl += pi[j] * answeredWithin(j - n, n, theta, t);
                }
            }
            this.waiting = w;
            this.queueLength = q;
            this.abandon = theta * q / a;
            this.serviceLevel = sl;
        }

        /** P(k+1 stages of rates n, n+θ, ..., n+kθ end by t, and an Exp(θ) patience outlasts them). */
        private static double answeredWithin(int k, int n, double theta, double t) {
            // density of the sum: prod(rates) e^{-n s} (1 - e^{-θs})^k / (θ^k k!)
            double logC = -logFactorial(k) - k * Math.log(theta);
            for (int i = 0; i <= k; i++) {
                logC += Math.log(n + i * theta);
            }
            int steps = 4000;
            double h = t / steps;
            double sum = 0;
            for (int i = 0; i <= steps; i++) {
                double s = i * h;
                double weight = i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2);
                double v = s == 0
                        ? (k == 0 ? Math.exp(logC) : 0)
                        : Math.exp(logC - (n + theta) * s + k * Math.log(-Math.expm1(-theta * s)));
                sum += weight * v;
            }
            return sum * h / 3;
        }

        private static double logFactorial(int k) {
            double sum = 0;
            for (int i = 2; i <= k; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
    }

    @Test
    void veryPatientCallers_convergeToErlangC() {
        Traffic traffic = Traffic.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));
        Prediction c = ErlangC.of(traffic).predict(14, TWENTY_SECONDS);
        Prediction a = ErlangA.of(traffic, Duration.ofDays(3650)).predict(14, TWENTY_SECONDS);

        assertThat(a.probabilityOfWaiting()).isCloseTo(c.probabilityOfWaiting(), within(1e-6));
        assertThat(a.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-6));
        assertThat(a.averageSpeedOfAnswerSeconds()).isCloseTo(c.averageSpeedOfAnswerSeconds(), within(1e-4));
        assertThat(a.probabilityOfAbandon()).isLessThan(1e-6);
    }

    @Test
    void heavyOverload_abandonsTheExcess() {
        // 1,000 erlangs on 500 agents: in the fluid limit half of the callers hang up (GMR 2002, the
        // efficiency-driven regime: P(abandon) -> 1 - N/A)
        ErlangA erlang = erlangA(1000, 180, 180, 60);

        Prediction p = erlang.predict(500, TWENTY_SECONDS);

        assertThat(p.probabilityOfAbandon()).isCloseTo(0.5, within(0.005));
        assertThat(p.probabilityOfWaiting()).isCloseTo(1.0, within(1e-9));
        assertThat(p.occupancy()).isCloseTo(1.0, within(0.001));
        assertThat(p.serviceLevel()).isBetween(0.0, 0.05);
    }

    @Test
    void thousandsOfAgentsAndErlangs_stayFiniteAndAgreeWithTheOracle() {
        ErlangA erlang = erlangA(2000, 180, 180, 300); // 2,000 erlangs
        int agents = erlang.agentsNeeded(ServiceTarget.of(0.9, TWENTY_SECONDS));

        Prediction p = erlang.predict(agents, TWENTY_SECONDS);

        assertThat(agents).isBetween(1800, 2100);
        assertThat(p.serviceLevel()).isGreaterThanOrEqualTo(0.9);
        assertThat(erlang.predict(agents - 1, TWENTY_SECONDS).serviceLevel()).isLessThan(0.9);
        assertThat(p.averageSpeedOfAnswerSeconds()).isFinite().isNotNegative();
        Oracle oracle = new Oracle(2000, agents, 180.0 / 300, 20.0 / 180);
        assertThat(p.probabilityOfAbandon()).isCloseTo(oracle.abandon, within(1e-9));
        assertThat(p.serviceLevel()).isCloseTo(oracle.serviceLevel, within(1e-6));
    }

    @Test
    void serviceLevel_risesWithAgents() {
        ErlangA erlang = erlangA(300, 1800, 180, 90);
        double previous = -1;
        for (int n = 0; n < 60; n++) {
            Prediction p = erlang.predict(n, TWENTY_SECONDS);
            assertThat(p.serviceLevel()).isGreaterThan(previous);
            previous = p.serviceLevel();
        }
    }

    @Test
    void noAgents_everyoneAbandons() {
        Prediction p = erlangA(100, 1800, 180, 120).predict(0, TWENTY_SECONDS);

        assertThat(p.probabilityOfAbandon()).isEqualTo(1.0);
        assertThat(p.serviceLevel()).isZero();
        assertThat(p.averageSpeedOfAnswerSeconds()).isNaN();
        assertThat(p.expectedWaitSeconds()).isEqualTo(120.0);
    }

    @Test
    void zeroTraffic_needsNoAgents() {
        ErlangA erlang = erlangA(0, 1800, 180, 120);

        assertThat(erlang.agentsNeeded(ServiceTarget.of(0.8, TWENTY_SECONDS))).isZero();
        assertThat(erlang.predict(3, TWENTY_SECONDS).serviceLevel()).isEqualTo(1.0);
    }

    @Test
    void shorterPatience_moreAbandons_fewerAgentsNeeded() {
        Traffic traffic = Traffic.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));
        ServiceTarget target = ServiceTarget.of(0.8, TWENTY_SECONDS);
        double previousAbandon = -1;
        int previousAgents = Integer.MAX_VALUE;
        for (long patience : new long[] {3600, 600, 120, 30, 5}) {
            ErlangA erlang = ErlangA.of(traffic, Duration.ofSeconds(patience));
            double abandon = erlang.predict(12, TWENTY_SECONDS).probabilityOfAbandon();
            int agents = erlang.agentsNeeded(target);
            assertThat(abandon).isGreaterThan(previousAbandon);
            assertThat(agents).isLessThanOrEqualTo(previousAgents).isLessThanOrEqualTo(14);
            previousAbandon = abandon;
            previousAgents = agents;
        }
    }

    @Test
    void maximumOccupancy_isHonoured() {
        ErlangA erlang = erlangA(100, 1800, 180, 120);
        int agents = erlang.agentsNeeded(ServiceTarget.of(0.8, TWENTY_SECONDS).withMaxOccupancy(0.6));

        assertThat(erlang.predict(agents, TWENTY_SECONDS).occupancy()).isLessThanOrEqualTo(0.6);
        assertThat(erlang.predict(agents - 1, TWENTY_SECONDS).occupancy()).isGreaterThan(0.6);
    }

    @Test
    void badInput_isRefused() {
        Traffic traffic = Traffic.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));

        assertInvalid(() -> ErlangA.of(traffic, Duration.ZERO), "patience");
        assertInvalid(() -> ErlangA.of(traffic, null), "patience");
        assertInvalid(() -> ErlangA.of(traffic, Duration.ofMinutes(2)).predict(-3, TWENTY_SECONDS), "agents");
        assertInvalid(() -> ErlangA.of(traffic, Duration.ofMinutes(2)).agentsNeeded(null), "target");
    }
}
