package io.remotebank.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.ContactChannel;
import io.remotebank.routing.ContactRequest;
import io.remotebank.routing.QueueConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketTest {

    private final Skills skills = new Skills();
    private final QueueRec queue = new QueueRec(
            QueueConfig.builder("q").build(), skills, new Matching(new java.util.HashMap<>(), skills, new Languages()));
    private long seq;

    private ContactRec contact(long key) {
        ContactRec c = new ContactRec(
                ContactRequest.builder("c" + (seq + 1), ContactChannel.VOICE, "q")
                        .build(),
                ++seq,
                0,
                new int[0],
                new int[0],
                skills);
        c.queue = queue;
        c.key = key;
        return c;
    }

    /** Random adds (mostly at the tail), removals (mostly at the head) and returns, against a TreeSet. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomOperations_keepTheSameOrderAsASortedSet(long randomSeed) {
        Random random = new Random(randomSeed);
        Bucket bucket = new Bucket(queue, new Requirement(0, new int[0], new int[0], null, new Languages()));
        TreeSet<ContactRec> model = new TreeSet<>(ContactRec.ORDER);
        List<ContactRec> out = new ArrayList<>();
        long clock = 0;
        for (int op = 0; op < 20_000; op++) {
            int kind = random.nextInt(10);
            if (kind < 4 || model.isEmpty()) {
                clock += random.nextInt(3);
                ContactRec c = contact(clock - random.nextInt(4) * 100L);
                bucket.add(c);
                model.add(c);
            } else if (kind < 6) {
                ContactRec head = model.pollFirst();
                assertThat(bucket.head()).isSameAs(head);
                bucket.remove(head);
                out.add(head);
            } else if (kind < 8) {
                ContactRec any = new ArrayList<>(model).get(random.nextInt(model.size()));
                model.remove(any);
                bucket.remove(any);
                out.add(any);
            } else if (!out.isEmpty()) {
                ContactRec back = out.remove(random.nextInt(out.size()));
                if (random.nextBoolean()) {
                    back.key -= random.nextInt(300); // a new priority
                }
                bucket.add(back);
                model.add(back);
            }
            assertThat(bucket.size()).isEqualTo(model.size());
            assertThat(bucket.head()).isSameAs(model.isEmpty() ? null : model.first());
            assertThat(bucket.headSeq).isEqualTo(model.isEmpty() ? 0 : model.first().seq);
            if (op % 97 == 0) {
                assertThat(bucket.ordered()).isTrue();
                assertThat(bucket.contacts()).containsExactlyElementsOf(model);
                for (ContactRec c : out) {
                    assertThat(bucket.contains(c)).isFalse();
                }
            }
        }
        for (ContactRec c : model) {
            assertThat(bucket.contains(c)).isTrue();
            assertThat(c.inBucket).isTrue();
        }
    }
}
