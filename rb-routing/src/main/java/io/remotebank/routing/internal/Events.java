package io.remotebank.routing.internal;

import io.remotebank.core.AgentId;
import io.remotebank.routing.AgentState;
import io.remotebank.routing.Offer;
import io.remotebank.routing.Outcome;
import io.remotebank.routing.RoutingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records the engine's events while recording is on (a listener is registered). */
final class Events {

    boolean recording;
    private long sequence;
    private List<RoutingEvent> pending = new ArrayList<>();

    List<RoutingEvent> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<RoutingEvent> out = pending;
        pending = new ArrayList<>();
        return out;
    }

    private void add(RoutingEvent event) {
        pending.add(event);
    }

    void agentState(long now, AgentId agent, AgentState from, AgentState to, String notReadyReason) {
        if (recording) {
            add(new RoutingEvent.AgentStateChanged(
                    ++sequence, now, agent, from, to, Optional.ofNullable(notReadyReason)));
        }
    }

    void arrived(long now, ContactRec c) {
        if (recording) {
            add(new RoutingEvent.ContactArrived(++sequence, now, c.id, c.queue.id, c.channel, c.priority));
        }
    }

    void stepEntered(long now, ContactRec c, String stepName) {
        if (recording) {
            add(new RoutingEvent.StepEntered(++sequence, now, c.id, c.queue.id, c.step, stepName));
        }
    }

    void offerMade(long now, Offer offer) {
        if (recording) {
            add(new RoutingEvent.OfferMade(++sequence, now, offer));
        }
    }

    void connected(long now, ContactRec c, AgentRec agent, long wait, boolean forced) {
        if (recording) {
            add(new RoutingEvent.ContactConnected(++sequence, now, c.id, agent.id, c.queue.id, wait, forced));
        }
    }

    void missed(long now, ContactRec c, AgentRec agent, boolean timedOut) {
        if (recording) {
            add(new RoutingEvent.OfferMissed(++sequence, now, c.id, agent.id, timedOut, agent.misses));
        }
    }

    void withdrawn(long now, ContactRec c, AgentRec agent) {
        if (recording) {
            add(new RoutingEvent.OfferWithdrawn(++sequence, now, c.id, agent.id));
        }
    }

    void moved(long now, ContactRec c, QueueRec from, QueueRec to, RoutingEvent.MoveCause cause) {
        if (recording) {
            add(new RoutingEvent.ContactMoved(++sequence, now, c.id, from.id, to.id, cause));
        }
    }

    void callback(long now, ContactRec c) {
        if (recording) {
            add(new RoutingEvent.CallbackScheduled(++sequence, now, c.id, c.queue.id));
        }
    }

    void reprioritised(long now, ContactRec c, int from, int to) {
        if (recording) {
            add(new RoutingEvent.ContactReprioritised(++sequence, now, c.id, from, to));
        }
    }

    void released(long now, ContactRec c, AgentRec agent) {
        if (recording) {
            add(new RoutingEvent.ContactReleased(++sequence, now, c.id, agent.id));
        }
    }

    void ended(long now, ContactRec c, Outcome outcome, AgentRec agent) {
        if (recording) {
            add(new RoutingEvent.ContactEnded(
                    ++sequence, now, c.id, c.queue.id, outcome, Optional.ofNullable(agent == null ? null : agent.id)));
        }
    }

    void wrapUpEnded(long now, AgentRec agent, ContactRec c) {
        if (recording) {
            add(new RoutingEvent.WrapUpEnded(++sequence, now, agent.id, c.id));
        }
    }

    void override(long now, String action, ContactRec c, String target, String supervisor, String reason) {
        if (recording) {
            add(new RoutingEvent.SupervisorOverride(++sequence, now, action, supervisor, c.id, target, reason));
        }
    }
}
