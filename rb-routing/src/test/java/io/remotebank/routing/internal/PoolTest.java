package io.remotebank.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.routing.ContactRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolTest {

    private static final int AGENTS = 300;

    private final AvailableSet available = new AvailableSet();
    private final AgentColumns columns = new AgentColumns();
    private final Pool.Entry[] entries = new Pool.Entry[AGENTS];
    private final ContactRec contact = new ContactRec(
            ContactRequest.builder("c1", ContactChannel.VOICE, "q").build(), 1, 0, new int[0], new int[0], null);

    /** An array pool (longest idle) under random joins, removals and lazy leaves, against a sorted set. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomOperations_walkInTheOrderOfASortedSetOfTheLiveEntries(long randomSeed) {
        Random random = new Random(randomSeed);
        for (int a = 0; a < AGENTS; a++) {
            AgentRec agent = new AgentRec(AgentId.of("a" + a), a);
            agent.proficiency = new byte[] {(byte) random.nextInt(6)};
            columns.set(agent);
            entries[a] = new Pool.Entry(agent);
        }
        Pool pool = new Pool(true, available);
        Comparator<Pool.Entry> order =
                Comparator.<Pool.Entry>comparingLong(e -> e.rank).thenComparingInt(e -> e.index);
        TreeSet<Pool.Entry> live = new TreeSet<>(order);
        Requirement any = new Requirement(0, new int[0], new int[0], null, new Languages());
        Requirement skilled = new Requirement(0, new int[] {0}, new int[] {3}, null, new Languages());
        long clock = 0;
        for (int op = 0; op < 30_000; op++) {
            Pool.Entry e = entries[random.nextInt(AGENTS)];
            int kind = random.nextInt(10);
            if (kind < 4 && !live.contains(e)) { // joins: a stale entry of its own goes first
                if (pool.holds(e)) {
                    pool.remove(e);
                }
                clock += random.nextInt(3);
                long rank = random.nextInt(20) == 0 ? clock - random.nextInt(50) : clock;
                pool.add(e, rank);
                available.add(e.index);
                live.add(e);
            } else if (kind < 6 && live.contains(e)) { // leaves eagerly
                pool.remove(e);
                available.remove(e.index);
                live.remove(e);
                assertThat(pool.holds(e)).isFalse();
            } else if (kind < 8 && live.contains(e)) { // leaves lazily: only the availability bit
                available.remove(e.index);
                live.remove(e);
            } else { // an offer: the first eligible agent
                Pool.Entry first = live.isEmpty() ? null : live.first();
                assertThat(pool.firstEligible(any, columns, contact)).isSameAs(first == null ? null : first.agent);
                AgentRec expected = live.stream()
                        .filter(x -> x.agent.proficiency[0] >= 3)
                        .map(x -> x.agent)
                        .findFirst()
                        .orElse(null);
                assertThat(pool.firstEligible(skilled, columns, contact)).isSameAs(expected);
            }
            for (Pool.Entry x : live) {
                assertThat(pool.holds(x)).isTrue();
            }
            if (op % 101 == 0) {
                List<Pool.Entry> walked = new ArrayList<>();
                pool.forEach(walked::add);
                assertThat(walked).containsExactlyElementsOf(live);
                assertThat(pool.size()).isGreaterThanOrEqualTo(live.size());
            }
        }
    }
}
