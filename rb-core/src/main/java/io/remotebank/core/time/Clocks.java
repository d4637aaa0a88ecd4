package io.remotebank.core.time;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Clock;
import org.apiguardian.api.API;

/**
 * The JVM's wall clock, as the default of every builder that takes a {@link Clock}: the one place
 * in the SDK that asks for it (house rule 6, checked by the build), beside {@link Ticker#system()}
 * and {@link Scheduler#system()}. A component never reads this itself at the moment it needs the
 * time; it takes a {@code Clock} in its builder, defaulting to this, so that a test, the routing
 * simulator or the demo can give it a virtual one.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Clocks {

    private Clocks() {}

    /**
     * The JVM's wall clock in UTC.
     *
     * @return {@code Clock.systemUTC()}
     */
    public static Clock system() {
        return Clock.systemUTC();
    }
}
