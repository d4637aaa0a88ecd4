package io.remotebank.routing.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangCTest {

    private static final Duration TWENTY_SECONDS = Duration.ofSeconds(20);

    private static ErlangC erlang(double calls, Duration interval, long ahtSeconds) {
        return ErlangC.of(Traffic.of(calls, interval, Duration.ofSeconds(ahtSeconds)));
    }

    @Test
    void callCentreHelperExample_needs14Agents() {
        // Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked Example": 100 calls in
        // 30 minutes, AHT 180 s (10 erlangs), target 80% in 20 s -> 14 agents, who wait 17.4% of calls.
        // tag::erlang-c[]
        ErlangC erlang = ErlangC.of(Traffic.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180)));
        int agents = erlang.agentsNeeded(ServiceTarget.of(0.80, Duration.ofSeconds(20)));
        Prediction at14 = erlang.predict(agents, Duration.ofSeconds(20));
        // end::erlang-c[]

        assertThat(agents).isEqualTo(14);
        assertThat(at14.erlangs()).isEqualTo(10.0);
        assertThat(at14.probabilityOfWaiting()).isCloseTo(0.1741, within(5e-5));
        assertThat(at14.serviceLevel()).isCloseTo(0.8884, within(5e-5));
        assertThat(at14.averageSpeedOfAnswerSeconds()).isCloseTo(7.836, within(5e-4));
        assertThat(at14.occupancy()).isCloseTo(10.0 / 14, within(1e-12));
        Prediction at13 = erlang.predict(13, TWENTY_SECONDS);
        assertThat(at13.serviceLevel()).isLessThan(0.80).isCloseTo(0.7956, within(5e-5));
        assertThat(at13.probabilityOfWaiting()).isCloseTo(0.2853, within(5e-5));
    }

    @Test
    void mitanWorkedExample_360CallsPerHalfHour_55Agents() {
        // The worked example of the Erlang C formula on mitan.co.uk/erlang/elgcmath.htm: 360 calls per
        // half hour, 4-minute calls (48 erlangs), 55 agents, a 15-second target.
        Prediction p = erlang(360, Duration.ofMinutes(30), 240).predict(55, Duration.ofSeconds(15));

        assertThat(p.erlangs()).isCloseTo(48.0, within(1e-12));
        assertThat(p.occupancy()).isCloseTo(0.8727, within(5e-5));
        assertThat(p.probabilityOfWaiting()).isCloseTo(0.2387, within(5e-5));
        assertThat(p.averageSpeedOfAnswerSeconds()).isCloseTo(8.184, within(5e-4));
        assertThat(p.serviceLevel()).isCloseTo(0.8459, within(5e-5));
    }

    @ParameterizedTest
    @CsvSource({
        // Abstract Micro Systems, Erlang Library for Excel, help page of ErlcNsrvFromWait4: 200 calls per
        // 30 minutes, AHT 300 s; a 5 s average wait needs 41.22663 (fractional) servers, 30 s needs
        // 37.31723. So the whole numbers either side bracket the wait.
        "5, 41",
        "30, 37"
    })
    void abstractMicroServersForAverageWait_bracketTheAsa(double averageWait, int below) {
        ErlangC erlang = erlang(200, Duration.ofMinutes(30), 300);

        assertThat(erlang.predict(below, TWENTY_SECONDS).averageSpeedOfAnswerSeconds())
                .isGreaterThan(averageWait);
        assertThat(erlang.predict(below + 1, TWENTY_SECONDS).averageSpeedOfAnswerSeconds())
                .isLessThan(averageWait);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 1", "2.5, 3", "10, 14", "10, 40", "48, 55", "90, 95", "150, 151", "180, 200", "199.5, 220"})
    void probabilityOfWaiting_matchesExactRationalArithmetic(double erlangs, int agents) {
        Traffic traffic = new Traffic(erlangs / 100, Duration.ofSeconds(100));

        double expected = exactErlangC(erlangs, agents);

        assertThat(ErlangC.of(traffic).predict(agents, TWENTY_SECONDS).probabilityOfWaiting())
                .isCloseTo(expected, within(expected * 1e-11));
    }

    /** Erlang C from its textbook definition, with big decimals: sum of a^k/k! for k below n. */
    private static double exactErlangC(double erlangs, int n) {
        MathContext mc = new MathContext(60);
        BigDecimal a = new BigDecimal(erlangs);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            sum = sum.add(term, mc);
            term = term.multiply(a, mc).divide(BigDecimal.valueOf(k + 1), mc);
        }
        BigDecimal last = term.multiply(BigDecimal.valueOf(n), mc)
                .divide(BigDecimal.valueOf(n).subtract(a, mc), mc);
        return last.divide(sum.add(last, mc), mc).doubleValue();
    }

    @Test
    void hundredsOfAgentsAndThousandsOfErlangs_stayFinite() {
        ErlangC erlang = ErlangC.of(new Traffic(5000.0 / 180, Duration.ofSeconds(180))); // 5,000 erlangs

        int agents = erlang.agentsNeeded(ServiceTarget.of(0.8, TWENTY_SECONDS));

        Prediction enough = erlang.predict(agents, TWENTY_SECONDS);
        Prediction fewer = erlang.predict(agents - 1, TWENTY_SECONDS);
        assertThat(agents).isBetween(5001, 5100);
        assertThat(enough.serviceLevel()).isGreaterThanOrEqualTo(0.8).isLessThan(1);
        assertThat(fewer.serviceLevel()).isLessThan(0.8).isGreaterThan(0);
        assertThat(enough.averageSpeedOfAnswerSeconds()).isFinite().isPositive();
    }

    @Test
    void farMoreAgentsThanLoad_waitIsTinyButNotNegative() {
        // B(1000, 10) is about 1e-1600: far below the smallest double, yet handled in logs
        Prediction p = erlang(10, Duration.ofSeconds(180), 180).predict(1000, TWENTY_SECONDS);

        assertThat(p.probabilityOfWaiting()).isGreaterThanOrEqualTo(0).isLessThan(1e-300);
        assertThat(p.serviceLevel()).isEqualTo(1.0);
    }

    @Test
    void hugeLoad_agentsNeeded() {
        ErlangC erlang = ErlangC.of(new Traffic(100_000.0 / 300, Duration.ofSeconds(300))); // 100,000 erlangs

        int agents = erlang.agentsNeeded(ServiceTarget.of(0.9, Duration.ofSeconds(10)));

        assertThat(agents).isBetween(100_001, 100_500);
        assertThat(erlang.predict(agents - 1, Duration.ofSeconds(10)).serviceLevel())
                .isLessThan(0.9);
    }

    @Test
    void loadAtOrAboveAgents_isUnstable() {
        ErlangC erlang = erlang(100, Duration.ofMinutes(30), 180); // 10 erlangs

        for (int agents : new int[] {0, 5, 10}) {
            Prediction p = erlang.predict(agents, TWENTY_SECONDS);
            assertThat(p.stable()).isFalse();
            assertThat(p.probabilityOfWaiting()).isEqualTo(1.0);
            assertThat(p.serviceLevel()).isZero();
            assertThat(p.averageSpeedOfAnswerSeconds()).isInfinite();
            assertThat(p.occupancy()).isEqualTo(1.0);
        }
        assertThat(erlang.predict(11, TWENTY_SECONDS).stable()).isTrue();
    }

    @Test
    void zeroTraffic_needsNoAgents() {
        ErlangC erlang = erlang(0, Duration.ofMinutes(30), 180);

        assertThat(erlang.agentsNeeded(ServiceTarget.of(0.99, TWENTY_SECONDS))).isZero();
        Prediction p = erlang.predict(0, TWENTY_SECONDS);
        assertThat(p.serviceLevel()).isEqualTo(1.0);
        assertThat(p.probabilityOfWaiting()).isZero();
        assertThat(p.averageSpeedOfAnswerSeconds()).isZero();
        assertThat(p.occupancy()).isZero();
    }

    @Test
    void maximumOccupancy_addsAgents() {
        ErlangC erlang = erlang(100, Duration.ofMinutes(30), 180); // 10 erlangs: 14 agents are 71.4% busy

        assertThat(erlang.agentsNeeded(ServiceTarget.of(0.8, TWENTY_SECONDS).withMaxOccupancy(0.7)))
                .isEqualTo(15);
        assertThat(erlang.agentsNeeded(ServiceTarget.of(0.8, TWENTY_SECONDS).withMaxOccupancy(0.75)))
                .isEqualTo(14);
        assertThat(erlang.agentsNeeded(ServiceTarget.of(0.8, TWENTY_SECONDS).withMaxOccupancy(0.5)))
                .isEqualTo(20);
    }

    @Test
    void zeroThreshold_serviceLevelIsAnsweredAtOnce() {
        Prediction p = erlang(100, Duration.ofMinutes(30), 180).predict(14, Duration.ZERO);

        assertThat(p.serviceLevel()).isCloseTo(1 - p.probabilityOfWaiting(), within(1e-15));
    }

    @Test
    void serviceLevel_risesWithAgents() {
        ErlangC erlang = erlang(1000, Duration.ofMinutes(30), 240);
        double previous = -1;
        for (int n = 134; n < 180; n++) {
            double sl = erlang.predict(n, TWENTY_SECONDS).serviceLevel();
            assertThat(sl).isGreaterThan(previous);
            previous = sl;
        }
    }

    @Test
    void badInput_isRefusedWithArgumentInvalid() {
        ErlangC erlang = erlang(100, Duration.ofMinutes(30), 180);

        assertInvalid(() -> erlang.predict(-1, TWENTY_SECONDS), "agents");
        assertInvalid(() -> erlang.predict(StaffingModel.MAX_AGENTS + 1, TWENTY_SECONDS), "agents");
        assertInvalid(() -> erlang.predict(14, Duration.ofSeconds(-1)), "threshold");
        assertInvalid(() -> Traffic.of(-1, Duration.ofMinutes(30), Duration.ofSeconds(180)), "calls");
        assertInvalid(() -> Traffic.of(Double.NaN, Duration.ofMinutes(30), Duration.ofSeconds(180)), "calls");
        assertInvalid(() -> Traffic.of(10, Duration.ZERO, Duration.ofSeconds(180)), "interval");
        assertInvalid(() -> Traffic.of(10, Duration.ofMinutes(30), Duration.ZERO), "handle time");
        assertInvalid(() -> new Traffic(Double.POSITIVE_INFINITY, Duration.ofSeconds(1)), "arrival rate");
        assertInvalid(() -> new Traffic(1e6, Duration.ofSeconds(1)), "erlangs");
        assertInvalid(() -> ServiceTarget.of(1.0, TWENTY_SECONDS), "service level");
        assertInvalid(() -> ServiceTarget.of(0, TWENTY_SECONDS), "service level");
        assertInvalid(() -> ServiceTarget.of(0.8, TWENTY_SECONDS).withMaxOccupancy(0), "occupancy");
        assertInvalid(() -> ServiceTarget.of(0.8, TWENTY_SECONDS).withMaxOccupancy(1.01), "occupancy");
        assertInvalid(() -> ErlangC.of(null), "traffic");
        assertInvalid(
                () -> ErlangC.of(new Traffic(400_000.0 / 100, Duration.ofSeconds(100)))
                        .agentsNeeded(ServiceTarget.of(0.8, TWENTY_SECONDS).withMaxOccupancy(0.3)),
                "more than");
    }

    static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String mentions) {
        assertThatThrownBy(call)
                .isInstanceOf(RoutingException.class)
                .hasMessageContaining(mentions)
                .extracting(e -> ((RoutingException) e).code())
                .isEqualTo(RoutingError.ARGUMENT_INVALID);
    }
}
