package io.remotebank.benchmarks.routing;

import io.remotebank.core.ContactChannel;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.ContactRequest;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.RoutingEngine;
import java.time.Clock;
import java.util.Random;

/**
 * A synthetic contact centre, the same for our engine and the linear-scan router: 50 skills, 100
 * queues (queue {@code q} needs skill {@code q % 50}), agents serving 5 queues each with proficiency
 * 1-5 in those queues' skills plus 3 other skills, all speaking {@code zh} and 30% also {@code en}.
 * A servable contact needs its queue's skill at 1-3 and {@code zh} (10% {@code en}); an unservable one
 * needs level 5 in {@code fr}, which no agent speaks.
 */
final class RoutingWorld {

    static final int SKILLS = 50;
    static final int QUEUES = 100;
    static final int QUEUES_PER_AGENT = 5;

    final int agents;
    /** [agent][skill] proficiency 0-5. */
    final int[][] proficiency;
    /** [agent] queues served. */
    final int[][] queues;
    /** [agent] speaks en. */
    final boolean[] english;

    private final Random random;

    RoutingWorld(int agents, long seed) {
        this.agents = agents;
        this.random = new Random(seed);
        proficiency = new int[agents][SKILLS];
        queues = new int[agents][QUEUES_PER_AGENT];
        english = new boolean[agents];
        for (int a = 0; a < agents; a++) {
            for (int i = 0; i < QUEUES_PER_AGENT; i++) {
                int q = random.nextInt(QUEUES);
                queues[a][i] = q;
                proficiency[a][q % SKILLS] = 1 + random.nextInt(5);
            }
            for (int i = 0; i < 3; i++) {
                proficiency[a][random.nextInt(SKILLS)] = 1 + random.nextInt(5);
            }
            english[a] = random.nextInt(10) < 3;
        }
    }

    static String skill(int s) {
        return "s" + s;
    }

    static String queue(int q) {
        return "q" + q;
    }

    static String agent(int a) {
        return "a" + a;
    }

    /** The next contact's queue, minimum proficiency, language (0 zh, 1 en, 2 fr) and priority. */
    int[] nextContact(boolean servable) {
        int q = random.nextInt(QUEUES);
        if (!servable) {
            return new int[] {q, 5, 2, random.nextInt(4)};
        }
        return new int[] {q, 1 + random.nextInt(3), random.nextInt(10) == 0 ? 1 : 0, random.nextInt(4)};
    }

    RoutingEngine engine(Clock clock) {
        RoutingEngine.Builder builder = RoutingEngine.builder().clock(clock).scheduledTicks(false);
        String[] skills = new String[SKILLS];
        for (int s = 0; s < SKILLS; s++) {
            skills[s] = skill(s);
        }
        builder.skills(skills);
        for (int q = 0; q < QUEUES; q++) {
            builder.queue(QueueConfig.builder(queue(q)).build());
        }
        for (int a = 0; a < agents; a++) {
            AgentProfile.Builder profile = AgentProfile.builder(agent(a)).languages("zh");
            if (english[a]) {
                profile.languages("en");
            }
            for (int s = 0; s < SKILLS; s++) {
                if (proficiency[a][s] > 0) {
                    profile.skill(skill(s), proficiency[a][s]);
                }
            }
            for (int q : queues[a]) {
                profile.queue(QueueId.of(queue(q)));
            }
            builder.agent(profile.build());
        }
        return builder.build();
    }

    static ContactRequest request(String id, int[] spec) {
        return ContactRequest.builder(id, ContactChannel.VOICE, queue(spec[0]))
                .skill(skill(spec[0] % SKILLS), spec[1])
                .language(spec[2] == 0 ? "zh" : spec[2] == 1 ? "en" : "fr")
                .priority(spec[3])
                .build();
    }
}
