package io.remotebank.core.discovery;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The priority of an SPI provider class: higher comes first. Without it a provider has priority 0.
 * Read from the class without instantiating it, so discovery can order providers cheaply.
 */
@API(status = STABLE, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProviderPriority {

    /** The priority; higher first. */
    int value();
}
