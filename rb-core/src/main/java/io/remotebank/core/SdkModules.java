package io.remotebank.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
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
            "rb-identity-tesseract",
            "rb-identity-tencent",
            "rb-identity-aws",
            "rb-channels",
            "rb-channels-smpp",
            "rb-channels-wechat",
            "rb-channels-cmpp",
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

    /**
     * What is wrong with the SDK modules and their shared dependencies at run time, one sentence
     * each: modules of more than one release, and a Netty older than a module was built against
     * (Spring Boot 3.x manages Netty 4.1, which lacks classes of Netty 4.2 the SDK's Netty transports
     * use, so that they fail later with {@code NoClassDefFoundError}). A start-up check logs these
     * and refuses to start when the list is not empty.
     *
     * @param loader the class loader to search
     * @return the problems; empty when none
     */
    public static List<String> problems(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<SdkModule> modules = installed(loader);
        List<String> problems = new ArrayList<>();
        if (hasMixedVersions(modules)) {
            problems.add("RemoteBank SDK modules of different releases are present: " + modules
                    + "; import rb-bom so that every module comes from one release");
        }
        Map<String, String> netty = nettyVersions(loader);
        for (SdkModule module : modules) {
            String needed = property(module.artifactId(), "requires.netty", loader);
            if (needed.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, String> found : netty.entrySet()) {
                if (compareMajorMinor(found.getValue(), needed) < 0) {
                    problems.add(module.artifactId() + " needs Netty " + majorMinor(needed) + " (built with "
                            + needed + ") but " + found.getKey() + " " + found.getValue()
                            + " is present; align Netty by importing io.netty:netty-bom:" + needed
                            + " before other BOMs (docs/rb-core.md, section Start-up check)");
                }
            }
        }
        return List.copyOf(problems);
    }

    /** The Netty artifacts present and their versions, from each Netty jar's own version file. */
    private static Map<String, String> nettyVersions(ClassLoader loader) {
        Map<String, String> versions = new TreeMap<>();
        try {
            Enumeration<URL> files = loader.getResources("META-INF/io.netty.versions.properties");
            while (files.hasMoreElements()) {
                URL url = files.nextElement();
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                for (String key : p.stringPropertyNames()) {
                    if (key.endsWith(".version")) {
                        versions.put(key.substring(0, key.length() - ".version".length()), p.getProperty(key));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Netty's version files", e);
        }
        return versions;
    }

    private static String property(String artifactId, String key, ClassLoader loader) {
        URL url = loader.getResource("META-INF/remotebank/" + artifactId + "/module.properties");
        if (url == null) {
            return "";
        }
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metadata of " + artifactId + " at " + url, e);
        }
        return properties.getProperty(key, "").strip();
    }

    private static String majorMinor(String version) {
        int[] v = numbers(version);
        return v[0] + "." + v[1];
    }

    private static int compareMajorMinor(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
    }

    /** "4.2.18.Final" gives {4, 2}; what cannot be read counts as 0. */
    private static int[] numbers(String version) {
        String[] parts = version.split("[.-]");
        int[] out = new int[2];
        for (int i = 0; i < 2 && i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }
}
