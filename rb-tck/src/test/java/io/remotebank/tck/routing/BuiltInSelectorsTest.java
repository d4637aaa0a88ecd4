package io.remotebank.tck.routing;

import io.remotebank.routing.AgentSelectors;
import io.remotebank.routing.spi.AgentSelector;
import org.junit.jupiter.api.Nested;

/** rb-routing's built-in agent strategies pass the kit. */
class BuiltInSelectorsTest {

    @Nested
    class LongestIdle extends AgentSelectorContract {
        @Override
        protected AgentSelector newSelector() {
            return AgentSelectors.LONGEST_IDLE;
        }
    }

    @Nested
    class LeastOccupied extends AgentSelectorContract {
        @Override
        protected AgentSelector newSelector() {
            return AgentSelectors.LEAST_OCCUPIED;
        }
    }

    @Nested
    class HighestProficiency extends AgentSelectorContract {
        @Override
        protected AgentSelector newSelector() {
            return AgentSelectors.HIGHEST_PROFICIENCY;
        }
    }

    @Nested
    class RoundRobin extends AgentSelectorContract {
        @Override
        protected AgentSelector newSelector() {
            return AgentSelectors.ROUND_ROBIN;
        }
    }
}
