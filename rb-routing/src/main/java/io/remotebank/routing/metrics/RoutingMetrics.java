package io.remotebank.routing.metrics;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.remotebank.core.time.Ticker;
import io.remotebank.routing.AgentState;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.QueueStatistics;
import io.remotebank.routing.RoutingEngine;
import io.remotebank.routing.internal.Args;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * Exposes a {@link RoutingEngine}'s queue statistics and agent states to Micrometer. Optional: the
 * application adds {@code io.micrometer:micrometer-core} to use it.
 *
 * <p>Per queue (tag {@code queue}): {@code rb.routing.queue.waiting}, {@code .callbacks}, {@code
 * .longest.wait} (seconds), {@code .service.level}, {@code .asa} (seconds), {@code .abandon.rate},
 * {@code .occupancy}, {@code .agents.logged.in}, {@code .agents.available}, and the counters {@code
 * rb.routing.queue.arrived}, {@code .answered}, {@code .abandoned}. Per agent state (tag {@code
 * state}): {@code rb.routing.agents}. A scrape reads each queue's statistics once (cached for one
 * second on the ticker of the engine's {@link RoutingEngine#scheduler() scheduler}), so gauges of
 * one queue are consistent with each other. Queues added to the engine after binding are not
 * registered.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@SuppressWarnings("exports") // micrometer is optional (requires static), so not re-exported
public final class RoutingMetrics implements MeterBinder {

    private static final long CACHE_NANOS = Duration.ofSeconds(1).toNanos();

    private final RoutingEngine engine;
    private final Ticker ticker;
    private final Map<QueueId, Cached> cache = new ConcurrentHashMap<>();
    private volatile Map<AgentState, Integer> states;
    private volatile long statesAt;

    /**
     * Creates a binder.
     *
     * @param engine the engine to observe
     */
    public RoutingMetrics(RoutingEngine engine) {
        this.engine = Args.notNull(engine, "engine");
        this.ticker = engine.scheduler().ticker();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (QueueId queue : engine.queues()) {
            Tags tags = Tags.of("queue", queue.value());
            gauge(registry, "rb.routing.queue.waiting", "contacts waiting", tags, queue, s -> s.waiting());
            gauge(registry, "rb.routing.queue.callbacks", "callbacks waiting", tags, queue, s -> s.callbacksWaiting());
            gauge(
                    registry,
                    "rb.routing.queue.longest.wait",
                    "longest current wait, seconds",
                    tags,
                    queue,
                    s -> s.longestWait().toMillis() / 1000.0);
            gauge(
                    registry,
                    "rb.routing.queue.service.level",
                    "answered within threshold / offered",
                    tags,
                    queue,
                    QueueStatistics::serviceLevel);
            gauge(
                    registry,
                    "rb.routing.queue.asa",
                    "average speed of answer, seconds",
                    tags,
                    queue,
                    s -> s.averageSpeedOfAnswer().toMillis() / 1000.0);
            gauge(
                    registry,
                    "rb.routing.queue.abandon.rate",
                    "abandoned / offered",
                    tags,
                    queue,
                    QueueStatistics::abandonRate);
            gauge(
                    registry,
                    "rb.routing.queue.occupancy",
                    "handling / (handling + idle)",
                    tags,
                    queue,
                    QueueStatistics::occupancy);
            gauge(
                    registry,
                    "rb.routing.queue.agents.logged.in",
                    "agents logged in",
                    tags,
                    queue,
                    s -> s.agentsLoggedIn());
            gauge(
                    registry,
                    "rb.routing.queue.agents.available",
                    "agents available",
                    tags,
                    queue,
                    s -> s.agentsAvailable());
            counter(registry, "rb.routing.queue.arrived", tags, queue, s -> s.arrived());
            counter(registry, "rb.routing.queue.answered", tags, queue, s -> s.answered());
            counter(registry, "rb.routing.queue.abandoned", tags, queue, s -> s.abandoned());
        }
        for (AgentState state : AgentState.values()) {
            Gauge.builder("rb.routing.agents", this, m -> m.agentStates().getOrDefault(state, 0))
                    .description("agents in each state")
                    .tags(Tags.of("state", state.name().toLowerCase(java.util.Locale.ROOT)))
                    .register(registry);
        }
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            String description,
            Tags tags,
            QueueId queue,
            ToDoubleFunction<QueueStatistics> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.statistics(queue)))
                .description(description)
                .tags(tags)
                .register(registry);
    }

    private void counter(
            MeterRegistry registry, String name, Tags tags, QueueId queue, ToDoubleFunction<QueueStatistics> value) {
        FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.statistics(queue)))
                .tags(tags)
                .register(registry);
    }

    private QueueStatistics statistics(QueueId queue) {
        long now = ticker.read();
        Cached cached = cache.get(queue);
        if (cached == null || now - cached.at > CACHE_NANOS) {
            cached = new Cached(engine.statistics(queue), now);
            cache.put(queue, cached);
        }
        return cached.statistics;
    }

    private Map<AgentState, Integer> agentStates() {
        long now = ticker.read();
        Map<AgentState, Integer> current = states;
        if (current == null || now - statesAt > CACHE_NANOS) {
            current = engine.agentStates();
            states = current;
            statesAt = now;
        }
        return current;
    }

    private record Cached(QueueStatistics statistics, long at) {}
}
