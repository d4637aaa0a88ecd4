package io.remotebank.tck.channels;

import io.remotebank.channels.policy.InteractionLogs;
import io.remotebank.channels.spi.InteractionLog;

/** The embedded interaction log against its kit. */
class InMemoryInteractionLogTest extends InteractionLogContract {
    @Override
    protected InteractionLog newLog() {
        return InteractionLogs.inMemory();
    }
}
