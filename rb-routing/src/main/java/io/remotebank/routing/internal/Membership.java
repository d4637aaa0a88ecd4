package io.remotebank.routing.internal;

/** An agent's membership of a queue: its weight there and its entry in each channel's pool. */
final class Membership {

    final AgentRec agent;
    final QueueRec queue;
    final int weight;
    /** Per channel; null where the agent has no slot. */
    final Pool.Entry[] entries = new Pool.Entry[AgentRec.CHANNELS];

    Membership(AgentRec agent, QueueRec queue, int weight) {
        this.agent = agent;
        this.queue = queue;
        this.weight = weight;
        for (int c = 0; c < AgentRec.CHANNELS; c++) {
            if (agent.slots(c) > 0) {
                entries[c] = new Pool.Entry(agent);
            }
        }
    }
}
