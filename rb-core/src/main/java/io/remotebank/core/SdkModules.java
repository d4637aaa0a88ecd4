package io.remotebank.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Which RemoteBank SDK artifacts are present at run time, and at which versions.
 *
 * <p>Every artifact carries {@code META-INF/remotebank/<artifactId>/module.properties}, written by
 * the build. A bank's application can log {@link #installed()} at start-up and refuse to run with
 * {@link #hasMixedVersions(List)}: modules of different releases on one class path are the usual
 * sign of a dependency that bypassed {@code rb-bom}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SdkModules {

    /** The artifact ids of every published SDK module, in build order ({@code rb-bom} lists each). */
    public static final List<String> PUBLISHED_ARTIFACTS = List.of(
            "rb-core",
            "rb-testing",
            "rb-routing",
            "rb-video-signaling",
            "rb-identity-verify",
            "rb-channels",
            "rb-segmentation",
            "rb-tck",
            "rb-examples");

    private SdkModules() {}

    /** The published SDK modules visible to this class's class loader. */
    public static List<SdkModule> installed() {
        return installed(SdkModules.class.getClassLoader());
    }

    /**
     * The published SDK modules visible to a class loader, in {@link #PUBLISHED_ARTIFACTS} order.
     *
     * @param loader the class loader to search
     * @return the modules found
     * @throws IllegalStateException when a module's metadata is present but unreadable or invalid
     */
    public static List<SdkModule> installed(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<SdkModule> found = new ArrayList<>();
        for (String artifactId : PUBLISHED_ARTIFACTS) {
            find(artifactId, loader).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    /**
     * One SDK module, if present.
     *
     * @param artifactId the artifact id, e.g. {@code rb-routing}
     * @param loader the class loader to search
     * @return the module, or empty when it is not on the class or module path
     */
    public static Optional<SdkModule> find(String artifactId, ClassLoader loader) {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(loader, "loader");
        URL url = loader.getResource("META-INF/remotebank/" + artifactId + "/module.properties");
        if (url == null) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metadata of " + artifactId + " at " + url, e);
        }
        try {
            return Optional.of(new SdkModule(
                    properties.getProperty("artifactId", ""),
                    properties.getProperty("module", ""),
                    properties.getProperty("version", "")));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "invalid metadata of " + artifactId + " at " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the given modules come from more than one release.
     *
     * @param modules modules, e.g. from {@link #installed()}
     * @return true when at least two versions are present
     */
    public static boolean hasMixedVersions(List<SdkModule> modules) {
        TreeSet<String> versions = new TreeSet<>();
        for (SdkModule module : modules) {
            versions.add(module.version());
        }
        return versions.size() > 1;
    }
}
