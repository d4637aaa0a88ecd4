package io.remotebank.routing.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.remotebank.core.ContactChannel;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.Overflow;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.QueueStatistics;
import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.RoutingStep;
import java.time.Duration;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class SimulationTest {

    /** Two queues, two skills, voice and chat, wrap-up, shifts: no timed steps. */
    private static Simulation.Builder mondayMorning(long seed) {
        // tag::simulation[]
        Simulation.Builder monday = Simulation.builder()
                .seed(seed)
                .duration(Duration.ofHours(4))
                .warmUp(Duration.ofMinutes(30))
                .skills("cards", "loans")
                .queue(QueueConfig.builder("cards")
                        .wrapUp(Duration.ofSeconds(15))
                        .serviceLevelThreshold(Duration.ofSeconds(20))
                        .build())
                .queue(QueueConfig.builder("loans").build())
                // the 9:00 peak: calls per half hour for each half hour, from 8:00
                .contacts(ContactStream.builder("cards")
                        .arrivals(ArrivalRate.perInterval(Duration.ofMinutes(30), 60, 120, 160, 140, 100, 80, 80, 60))
                        .handleTime(HandleTime.logNormal(Duration.ofSeconds(200), Duration.ofSeconds(150)))
                        .patience(Patience.exponential(Duration.ofMinutes(2)))
                        .skill("cards", 2)
                        .build())
                .contacts(ContactStream.builder("loans")
                        .channel(ContactChannel.CHAT)
                        .arrivals(ArrivalRate.constant(40, Duration.ofMinutes(30)))
                        .handleTime(HandleTime.exponential(Duration.ofMinutes(6)))
                        .skill("loans", 1)
                        .build())
                .agents(
                        16,
                        i -> AgentProfile.builder("early-" + i)
                                .skill("cards", 3)
                                .queue("cards")
                                .build(),
                        Shift.of(Duration.ZERO, Duration.ofHours(3)))
                .agents(
                        6,
                        i -> AgentProfile.builder("late-" + i)
                                .skill("cards", 4)
                                .skill("loans", 2)
                                .queue("cards")
                                .queue("loans")
                                .build(),
                        Shift.of(Duration.ofMinutes(30), Duration.ofHours(4)));
        SimulationReport report = monday.build().run();
        QueueStatistics cards = report.statistics("cards"); // the engine's own statistics
        // end::simulation[]
        assertThat(cards.offered()).isPositive();
        return monday;
    }

    @Test
    void sameSeed_sameReport_otherSeed_otherReport() {
        SimulationReport first = mondayMorning(7).build().run();
        Simulation again = mondayMorning(7).build();

        assertThat(again.run()).isEqualTo(first);
        assertThat(again.run()).isEqualTo(first); // a simulation runs again from the start
        assertThat(mondayMorning(8).build().run()).isNotEqualTo(first);
    }

    @Test
    void offersReadFromReturnValues_equalOffersCollectedByAListener() {
        SimulationReport direct = mondayMorning(3).build().run();
        SimulationReport listened = mondayMorning(3).listenForOffers().build().run();

        assertThat(listened).isEqualTo(direct);
        QueueStatistics cards = direct.statistics("cards");
        QueueStatistics loans = direct.statistics("loans");
        assertThat(cards.answered()).isGreaterThan(500);
        assertThat(cards.abandoned()).isPositive();
        assertThat(loans.answered()).isGreaterThan(150);
        assertThat(loans.abandoned()).isZero(); // unlimited patience
        assertThat(direct.patienceExpired().get(QueueId.of("cards"))).isGreaterThanOrEqualTo(cards.abandoned());
    }

    @Test
    void everyContact_isAccountedFor() {
        SimulationReport report = mondayMorning(5).warmUp(Duration.ZERO).build().run();

        long generated = report.contactsGenerated().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        long ended = 0;
        for (QueueStatistics stats : report.statistics().values()) {
            ended += stats.answered() + stats.abandoned() + stats.waiting();
        }
        assertThat(ended).isEqualTo(generated);
        assertThat(report.measured()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void timedStepsAndOverflow_areRoutedByTheEngine() {
        // specialists first; after 30 s anyone with the skill at level 1; after 2 minutes the general queue
        Simulation simulation = Simulation.builder()
                .seed(9)
                .duration(Duration.ofHours(6))
                .skills("wealth")
                .queue(QueueConfig.builder("private")
                        .step(RoutingStep.builder("specialists")
                                .require("wealth", 4)
                                .timeout(Duration.ofSeconds(30))
                                .build())
                        .step(RoutingStep.builder("anyone-with-wealth")
                                .timeout(Duration.ofMinutes(2))
                                .build())
                        .overflow(Overflow.toQueue(QueueId.of("general")))
                        .build())
                .queue(QueueConfig.builder("general").build())
                .contacts(ContactStream.builder("private")
                        .arrivals(ArrivalRate.constant(60, Duration.ofMinutes(30)))
                        .handleTime(HandleTime.exponential(Duration.ofMinutes(4)))
                        .skill("wealth", 1)
                        .build())
                .agents(
                        4,
                        i -> AgentProfile.builder("rm-" + i)
                                .skill("wealth", 5)
                                .queue("private")
                                .build())
                .agents(
                        4,
                        i -> AgentProfile.builder("junior-" + i)
                                .skill("wealth", 1)
                                .queue("private")
                                .queue("general")
                                .build())
                .build();

        SimulationReport report = simulation.run();

        QueueStatistics vip = report.statistics("private");
        QueueStatistics general = report.statistics("general");
        assertThat(vip.answered()).isGreaterThan(300);
        assertThat(vip.movedOut()).isPositive(); // some waited past both steps
        assertThat(general.answered()).isPositive();
        assertThat(general.arrived()).isEqualTo(vip.movedOut());
        assertThat(vip.answered() + general.answered() + vip.waiting() + general.waiting())
                .isEqualTo(report.contactsGenerated().get(QueueId.of("private")));
        assertThat(simulation.run()).isEqualTo(report);
    }

    @Test
    void agentsOffShift_answerNothing_andCallersHangUp() {
        // agents work the first hour only; calls keep coming for three hours
        SimulationReport report = Simulation.builder()
                .duration(Duration.ofHours(3))
                .warmUp(Duration.ofHours(1))
                .queue(QueueConfig.builder("cards").build())
                .contacts(ContactStream.builder("cards")
                        .arrivals(ArrivalRate.constant(30, Duration.ofMinutes(30)))
                        .handleTime(HandleTime.fixed(Duration.ofMinutes(10)))
                        .patience(Patience.exponential(Duration.ofSeconds(30)))
                        .build())
                .agents(
                        3,
                        i -> AgentProfile.builder("a" + i).queue("cards").build(),
                        Shift.of(Duration.ZERO, Duration.ofHours(1)))
                .build()
                .run();

        QueueStatistics after = report.statistics("cards");
        assertThat(after.agentsLoggedIn()).isZero();
        assertThat(after.abandoned()).isGreaterThan(60);
        // a call accepted just before 1:00 was handled to its end (10 minutes) before the agent left
        assertThat(after.answered()).isZero();
        assertThat(after.serviceLevel()).isZero();
    }

    @Test
    void agentFinishesItsCall_thenLogsOut_andComesBackForTheNextShift() {
        SimulationReport report = Simulation.builder()
                .duration(Duration.ofHours(3))
                .queue(QueueConfig.builder("cards")
                        .wrapUp(Duration.ofMinutes(1))
                        .build())
                .contacts(ContactStream.builder("cards")
                        .arrivals(ArrivalRate.constant(200, Duration.ofMinutes(30)))
                        .handleTime(HandleTime.fixed(Duration.ofMinutes(7)))
                        .build())
                .agent(
                        AgentProfile.builder("a").queue("cards").build(),
                        Shift.of(Duration.ZERO, Duration.ofMinutes(30)),
                        Shift.of(Duration.ofHours(1), Duration.ofHours(2)))
                .build()
                .run();

        QueueStatistics stats = report.statistics("cards");
        // shift 1: calls at 0, 8, 16, 24 (the one at 24 ends at 31, its wrap-up at 32); shift 2: 60 ... 116
        assertThat(stats.answered()).isEqualTo(4 + 8);
        assertThat(stats.agentsLoggedIn()).isZero();
    }

    @Test
    void arrivalProfile_hasTheMeanOfEachInterval() {
        ArrivalRate profile = ArrivalRate.perInterval(Duration.ofSeconds(10), 5, 0, 20);
        SplittableRandom random = new SplittableRandom(42);
        long[] counts = new long[3];
        int cycles = 20_000;
        double t = 0;
        while (true) {
            t = profile.next(t, random);
            long interval = (long) (t / 10_000);
            if (interval >= 3L * cycles) {
                break;
            }
            counts[(int) (interval % 3)]++;
        }
        // Poisson counts: mean 5 and 20 per interval, standard error of the total sqrt(mean * cycles)
        assertThat(counts[0] / (double) cycles).isCloseTo(5.0, within(0.1));
        assertThat(counts[1]).isZero();
        assertThat(counts[2] / (double) cycles).isCloseTo(20.0, within(0.2));
        assertThat(ArrivalRate.constant(0, Duration.ofMinutes(1)).next(0, random))
                .isInfinite();
    }

    @Test
    void logNormalHandleTime_hasTheGivenMeanAndDeviation() {
        HandleTime handle = HandleTime.logNormal(Duration.ofSeconds(200), Duration.ofSeconds(150));
        SplittableRandom random = new SplittableRandom(1);
        int n = 400_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double x = handle.sampleSeconds(random);
            assertThat(x).isPositive();
            sum += x;
            squares += x * x;
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(200, within(2.0));
        assertThat(Math.sqrt(squares / n - mean * mean)).isCloseTo(150, within(4.0));
        assertThat(HandleTime.fixed(Duration.ofSeconds(3)).sampleSeconds(random))
                .isEqualTo(3.0);
        assertThat(Patience.unlimited().sampleSeconds(random)).isInfinite();
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String mentions) {
        Assertions.assertThatThrownBy(call)
                .isInstanceOf(RoutingException.class)
                .hasMessageContaining(mentions)
                .extracting(e -> ((RoutingException) e).code())
                .isEqualTo(RoutingError.ARGUMENT_INVALID);
    }

    @Test
    void badConfiguration_isRefused() {
        ContactStream calls = ContactStream.builder("cards")
                .arrivals(ArrivalRate.constant(10, Duration.ofMinutes(30)))
                .handleTime(HandleTime.exponential(Duration.ofMinutes(3)))
                .build();
        QueueConfig cards = QueueConfig.builder("cards").build();

        assertInvalid(
                () -> Simulation.builder()
                        .duration(Duration.ofHours(1))
                        .warmUp(Duration.ofHours(1))
                        .queue(cards)
                        .contacts(calls)
                        .build(),
                "warm-up");
        assertInvalid(() -> Simulation.builder().queue(cards).build(), "contact stream");
        assertInvalid(() -> Simulation.builder().duration(Duration.ZERO), "duration");
        assertInvalid(() -> Simulation.builder().duration(Duration.ofDays(4000)), "duration");
        assertInvalid(() -> ArrivalRate.perInterval(Duration.ofMinutes(30), 10, -1), "calls");
        assertInvalid(() -> ArrivalRate.perInterval(Duration.ofMinutes(30)), "interval");
        assertInvalid(() -> ArrivalRate.constant(Double.NaN, Duration.ofMinutes(30)), "calls");
        assertInvalid(() -> HandleTime.exponential(Duration.ZERO), "handle time");
        assertInvalid(() -> HandleTime.logNormal(Duration.ofSeconds(10), Duration.ZERO), "deviation");
        assertInvalid(() -> Patience.exponential(Duration.ofSeconds(-1)), "patience");
        assertInvalid(() -> Shift.of(Duration.ofHours(2), Duration.ofHours(1)), "shift");
        assertInvalid(() -> ContactStream.builder("cards").build(), "arrivals");
        assertInvalid(
                () -> Simulation.builder()
                        .agent(
                                AgentProfile.builder("a").build(),
                                Shift.of(Duration.ZERO, Duration.ofHours(2)),
                                Shift.of(Duration.ofHours(1), Duration.ofHours(3))),
                "overlap");
        Assertions.assertThatThrownBy(() -> Simulation.builder()
                        .queue(QueueConfig.builder("loans").build())
                        .contacts(calls)
                        .build())
                .isInstanceOf(RoutingException.class)
                .extracting(e -> ((RoutingException) e).code())
                .isEqualTo(RoutingError.UNKNOWN_QUEUE);
        Assertions.assertThatThrownBy(() -> Simulation.builder()
                        .queue(cards)
                        .contacts(ContactStream.builder("cards")
                                .arrivals(ArrivalRate.constant(10, Duration.ofMinutes(30)))
                                .handleTime(HandleTime.exponential(Duration.ofMinutes(3)))
                                .skill("fraud", 2)
                                .build())
                        .build())
                .isInstanceOf(RoutingException.class)
                .extracting(e -> ((RoutingException) e).code())
                .isEqualTo(RoutingError.UNKNOWN_SKILL);
        Assertions.assertThatThrownBy(() -> Simulation.builder()
                        .queue(cards)
                        .contacts(calls)
                        .agent(AgentProfile.builder("a").queue("nowhere").build())
                        .build())
                .isInstanceOf(RoutingException.class)
                .extracting(e -> ((RoutingException) e).code())
                .isEqualTo(RoutingError.UNKNOWN_QUEUE);
    }
}
