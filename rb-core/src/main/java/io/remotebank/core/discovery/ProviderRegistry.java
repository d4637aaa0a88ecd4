package io.remotebank.core.discovery;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.SpiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers of one SPI, in priority order.
 *
 * <p>Explicit registration always works and is the default. Discovery through {@link
 * ServiceLoader} is opt-in ({@link Builder#discover(ClassLoader)}, {@link
 * Builder#discover(ModuleLayer)}), because a discovered provider is code that runs in the bank's
 * process: it works on the class path ({@code META-INF/services}) and on the module path ({@code
 * provides ... with ...}), and every provider it loads is logged.
 *
 * <p>Order: higher {@link ProviderPriority} first; among equal priorities, registered before
 * discovered, then in registration or discovery order. A class discovered twice (through two
 * loaders) counts once.
 *
 * @param <S> the SPI type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProviderRegistry<S> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    /** Where a provider came from. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Origin {
        /** Registered by the application. */
        REGISTERED,
        /** Found by ServiceLoader. */
        DISCOVERED
    }

    /**
     * One provider and how it was found.
     *
     * @param provider the instance
     * @param priority its priority
     * @param origin registered or discovered
     * @param location "class path", "module NAME" or "registered"
     * @param <S> the SPI type
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Entry<S>(S provider, int priority, Origin origin, String location) {}

    private final Class<S> service;
    private final List<Entry<S>> entries;

    private ProviderRegistry(Class<S> service, List<Entry<S>> entries) {
        this.service = service;
        this.entries = List.copyOf(entries);
    }

    /**
     * Starts a registry for an SPI.
     *
     * @param service the SPI interface
     * @param <S> its type
     * @return a builder
     */
    public static <S> Builder<S> builder(Class<S> service) {
        return new Builder<>(Arguments.notNull(service, "service"));
    }

    /** The SPI this registry holds providers of. */
    public Class<S> service() {
        return service;
    }

    /** Every provider, highest priority first. */
    public List<S> all() {
        return entries.stream().map(Entry::provider).toList();
    }

    /** Every provider with its priority and origin, highest priority first. */
    public List<Entry<S>> entries() {
        return entries;
    }

    /** The highest-priority provider, if any. */
    public Optional<S> first() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0).provider());
    }

    /**
     * The highest-priority provider.
     *
     * @return the provider
     * @throws SpiException with {@link CoreError#SPI_NOT_FOUND} when there is none
     */
    public S required() {
        return first().orElseThrow(() -> new SpiException(
                CoreError.SPI_NOT_FOUND,
                "no provider of " + service.getName()
                        + " is registered or discovered; register one, or enable discovery and put one on"
                        + " the class or module path"));
    }

    /**
     * Builds a {@link ProviderRegistry}.
     *
     * @param <S> the SPI type
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder<S> {
        private final Class<S> service;
        private final List<Entry<S>> entries = new ArrayList<>();
        private final Set<Class<?>> discoveredTypes = new HashSet<>();

        private Builder(Class<S> service) {
            this.service = service;
        }

        /**
         * Registers a provider with the priority its class declares (0 without {@link ProviderPriority}).
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder<S> register(S provider) {
            Arguments.notNull(provider, "provider");
            return register(provider, priorityOf(provider.getClass()));
        }

        /**
         * Registers a provider with an explicit priority.
         *
         * @param provider the provider
         * @param priority higher first
         * @return this builder
         */
        public Builder<S> register(S provider, int priority) {
            Arguments.notNull(provider, "provider");
            if (!service.isInstance(provider)) {
                throw new io.remotebank.core.ValidationException(
                        CoreError.ARGUMENT_INVALID,
                        provider.getClass().getName() + " does not implement " + service.getName());
            }
            entries.add(new Entry<>(provider, priority, Origin.REGISTERED, "registered"));
            return this;
        }

        /**
         * Discovers providers with {@link ServiceLoader} through a class loader: those on the class
         * path ({@code META-INF/services}) and those in named modules the loader defines.
         *
         * @param loader the class loader, e.g. the application's
         * @return this builder
         * @throws SpiException with {@link CoreError#SPI_LOAD_FAILED} when a provider cannot be loaded
         */
        public Builder<S> discover(ClassLoader loader) {
            Arguments.notNull(loader, "loader");
            allowUse();
            return load(() -> ServiceLoader.load(service, loader));
        }

        /**
         * Discovers providers with {@link ServiceLoader} in a module layer (and its parents), for
         * applications that load plug-ins into their own layer.
         *
         * @param layer the layer
         * @return this builder
         * @throws SpiException with {@link CoreError#SPI_LOAD_FAILED} when a provider cannot be loaded
         */
        public Builder<S> discover(ModuleLayer layer) {
            Arguments.notNull(layer, "layer");
            allowUse();
            return load(() -> ServiceLoader.load(layer, service));
        }

        /** The registry: providers sorted by priority, origin and order; logs what was discovered. */
        public ProviderRegistry<S> build() {
            List<Entry<S>> sorted = new ArrayList<>(entries);
            // List.sort is stable: equal keys keep registration / discovery order.
            sorted.sort(Comparator.comparingInt((Entry<S> e) -> -e.priority())
                    .thenComparing(e -> e.origin() == Origin.DISCOVERED));
            return new ProviderRegistry<>(service, sorted);
        }

        private Builder<S> load(Supplier<ServiceLoader<S>> loaderFactory) {
            List<String> loaded = new ArrayList<>();
            try {
                for (ServiceLoader.Provider<S> provider :
                        loaderFactory.get().stream().toList()) {
                    Class<? extends S> type = provider.type();
                    if (!discoveredTypes.add(type)) {
                        continue;
                    }
                    String location = type.getModule().isNamed()
                            ? "module " + type.getModule().getName()
                            : "class path";
                    int priority = priorityOf(type);
                    entries.add(new Entry<>(instantiate(provider, type), priority, Origin.DISCOVERED, location));
                    loaded.add(type.getName() + " (priority " + priority + ", " + location + ")");
                }
            } catch (ServiceConfigurationError e) {
                throw new SpiException(
                        CoreError.SPI_LOAD_FAILED,
                        "cannot load a provider of " + service.getName() + ": " + e.getMessage(),
                        e);
            }
            if (loaded.isEmpty()) {
                LOG.info("Discovered no provider of {}", service.getName());
            } else {
                LOG.info("Discovered {} provider(s) of {}: {}", loaded.size(), service.getName(), loaded);
            }
            return this;
        }

        private S instantiate(ServiceLoader.Provider<S> provider, Class<? extends S> type) {
            try {
                return provider.get();
            } catch (ServiceConfigurationError | RuntimeException e) {
                throw new SpiException(
                        CoreError.SPI_LOAD_FAILED,
                        "provider " + type.getName() + " of " + service.getName() + " failed to start: " + e,
                        e);
            }
        }

        /** On the module path, ServiceLoader needs rb-core to declare that it uses the service. */
        private void allowUse() {
            Module self = ProviderRegistry.class.getModule();
            if (self.isNamed() && !self.canUse(service)) {
                self.addUses(service);
            }
        }

        private static int priorityOf(Class<?> type) {
            ProviderPriority p = type.getAnnotation(ProviderPriority.class);
            return p == null ? 0 : p.value();
        }
    }
}
