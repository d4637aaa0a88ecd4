package io.remotebank.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timer heap and the earliest deadline it keeps beside it. */
class TimersTest {

    private final Timers timers = new Timers();

    private AgentRec.WrapUp wrapUp(long due) {
        AgentRec.WrapUp w = new AgentRec.WrapUp(null);
        timers.schedule(due, Timers.Kind.WRAP_UP, null, null, w, 0);
        return w;
    }

    @Test
    void nextDue_followsScheduleAndPoll_inDueOrder() {
        assertThat(timers.nextDue()).isEqualTo(Long.MAX_VALUE);
        wrapUp(30);
        wrapUp(10);
        wrapUp(20);
        assertThat(timers.nextDue()).isEqualTo(10);

        assertThat(timers.pollDue(5)).isNull();
        assertThat(timers.pollDue(25).due).isEqualTo(10);
        assertThat(timers.nextDue()).isEqualTo(20);
        assertThat(timers.pollDue(25).due).isEqualTo(20);
        assertThat(timers.nextDue()).isEqualTo(30);
        assertThat(timers.pollDue(25)).isNull();
        assertThat(timers.pollDue(30).due).isEqualTo(30);
        assertThat(timers.nextDue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void compaction_dropsDeadTimers_andNextDueIsTheEarliestLiveOne() {
        List<AgentRec.WrapUp> early = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            early.add(wrapUp(1_000 + i));
        }
        wrapUp(9_000);
        early.forEach(w -> w.active = false);
        assertThat(timers.nextDue()).isEqualTo(1_000);

        timers.compactIfNeeded(1);

        assertThat(timers.size()).isEqualTo(1);
        assertThat(timers.nextDue()).isEqualTo(9_000);
        assertThat(timers.pollDue(8_999)).isNull();
        assertThat(timers.pollDue(9_000).due).isEqualTo(9_000);
    }
}
