package io.remotebank.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.CustomerId;
import io.remotebank.core.SpiException;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.spi.ConsentRegistry;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {

    @TempDir
    Path dir;

    /** A provider with no declared priority. */
    public static class Plain implements ConsentRegistry {
        @Override
        public void record(ConsentRecord record) {}

        @Override
        public List<ConsentRecord> history(CustomerId customer) {
            return List.of();
        }
    }

    /** A provider that declares priority 10. */
    @ProviderPriority(10)
    public static class Preferred extends Plain {}

    @Test
    void registered_orderedByPriority_thenRegistrationOrder() {
        Plain first = new Plain();
        Plain second = new Plain();
        Preferred preferred = new Preferred();

        ProviderRegistry<ConsentRegistry> registry = ProviderRegistry.builder(ConsentRegistry.class)
                .register(first)
                .register(second)
                .register(preferred)
                .build();

        assertThat(registry.all()).containsExactly(preferred, first, second);
        assertThat(registry.required()).isSameAs(preferred);
        assertThat(registry.entries().get(0).priority()).isEqualTo(10);
    }

    @Test
    void explicitPriority_overridesTheAnnotation() {
        Preferred preferred = new Preferred();
        Plain plain = new Plain();

        ProviderRegistry<ConsentRegistry> registry = ProviderRegistry.builder(ConsentRegistry.class)
                .register(preferred, -1)
                .register(plain)
                .build();

        assertThat(registry.all()).containsExactly(plain, preferred);
    }

    @Test
    void empty_requiredFails_withItsCode() {
        ProviderRegistry<ConsentRegistry> registry =
                ProviderRegistry.builder(ConsentRegistry.class).build();

        assertThat(registry.first()).isEmpty();
        assertThatThrownBy(registry::required)
                .isInstanceOfSatisfying(
                        SpiException.class, e -> assertThat(e.code()).isEqualTo(CoreError.SPI_NOT_FOUND))
                .hasMessageContaining(ConsentRegistry.class.getName());
    }

    @Test
    void discovery_isOptIn_nothingIsLoadedWithoutIt() throws IOException {
        try (URLClassLoader loader =
                classPathProviders("Cp", "@io.remotebank.core.discovery.ProviderPriority(10)", "")) {
            assertThat(ProviderRegistry.builder(ConsentRegistry.class).build().all())
                    .isEmpty();
            assertThat(ProviderRegistry.builder(ConsentRegistry.class)
                            .discover(loader)
                            .build()
                            .all())
                    .hasSize(1);
        }
    }

    @Test
    void classPathDiscovery_findsMetaInfServices_registeredWinTies() throws IOException {
        try (URLClassLoader loader = classPathProviders("Cp", "", "")) {
            Preferred preferred = new Preferred();
            Plain registered = new Plain();

            ProviderRegistry<ConsentRegistry> registry = ProviderRegistry.builder(ConsentRegistry.class)
                    .discover(loader)
                    .register(registered)
                    .register(preferred)
                    .discover(loader)
                    .build();

            assertThat(registry.all()).hasSize(3); // the second discovery adds nothing new
            assertThat(registry.all().get(0)).isSameAs(preferred);
            assertThat(registry.all().get(1)).isSameAs(registered);
            ProviderRegistry.Entry<ConsentRegistry> discovered =
                    registry.entries().get(2);
            assertThat(discovered.provider().getClass().getName()).isEqualTo("com.example.cp.Cp");
            assertThat(discovered.origin()).isEqualTo(ProviderRegistry.Origin.DISCOVERED);
            assertThat(discovered.location()).isEqualTo("class path");
        }
    }

    @Test
    void brokenProvider_failsDiscovery_namingIt() throws IOException {
        try (URLClassLoader loader =
                classPathProviders("Broken", "", "throw new IllegalStateException(\"no licence file\");")) {
            assertThatThrownBy(() ->
                            ProviderRegistry.builder(ConsentRegistry.class).discover(loader))
                    .isInstanceOfSatisfying(
                            SpiException.class, e -> assertThat(e.code()).isEqualTo(CoreError.SPI_LOAD_FAILED))
                    .hasMessageContaining("com.example.cp.Broken");
        }
    }

    @Test
    void missingProviderClass_failsDiscovery() throws IOException {
        Path services = Files.createDirectories(dir.resolve("cp/META-INF/services"));
        Files.writeString(services.resolve(ConsentRegistry.class.getName()), "com.example.NoSuchProvider\n");
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {dir.resolve("cp").toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() ->
                            ProviderRegistry.builder(ConsentRegistry.class).discover(loader))
                    .isInstanceOfSatisfying(
                            SpiException.class, e -> assertThat(e.code()).isEqualTo(CoreError.SPI_LOAD_FAILED));
        }
    }

    @Test
    void wrongType_isRejected() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ProviderRegistry.Builder<Object> raw =
                (ProviderRegistry.Builder) ProviderRegistry.builder(ConsentRegistry.class);

        assertThatThrownBy(() -> raw.register("not a registry")).hasMessageContaining("does not implement");
    }

    /**
     * The module path: a provider module compiled now, which {@code provides} the SPI, loaded into its
     * own layer. Runs only when rb-core itself is a named module (surefire's module-path mode).
     */
    @Test
    void modulePathDiscovery_findsAProvidesClause_inAModuleLayer() throws IOException {
        assertThat(ConsentRegistry.class.getModule().isNamed())
                .as("rb-core's tests run on the module path")
                .isTrue();
        Path src = dir.resolve("src");
        Path out = dir.resolve("out");
        Files.createDirectories(src.resolve("com/example/consent"));
        Files.writeString(src.resolve("module-info.java"), """
                module com.example.consent {
                    requires io.remotebank.core;
                    provides io.remotebank.core.spi.ConsentRegistry with com.example.consent.VendorRegistry;
                }
                """);
        Files.writeString(src.resolve("com/example/consent/VendorRegistry.java"), """
                package com.example.consent;

                import io.remotebank.core.CustomerId;
                import io.remotebank.core.consent.ConsentRecord;
                import io.remotebank.core.discovery.ProviderPriority;
                import java.util.List;

                @ProviderPriority(7)
                public final class VendorRegistry implements io.remotebank.core.spi.ConsentRegistry {
                    @Override public void record(ConsentRecord record) {}
                    @Override public List<ConsentRecord> history(CustomerId customer) { return List.of(); }
                }
                """);
        compile(src, out);

        Configuration configuration = ModuleLayer.boot()
                .configuration()
                .resolveAndBind(ModuleFinder.of(out), ModuleFinder.of(), Set.of("com.example.consent"));
        ModuleLayer layer =
                ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());

        ProviderRegistry<ConsentRegistry> registry =
                ProviderRegistry.builder(ConsentRegistry.class).discover(layer).build();

        assertThat(registry.entries()).singleElement().satisfies(e -> {
            assertThat(e.provider().getClass().getName()).isEqualTo("com.example.consent.VendorRegistry");
            assertThat(e.priority()).isEqualTo(7);
            assertThat(e.location()).isEqualTo("module com.example.consent");
        });
    }

    /**
     * A provider class compiled now onto a class-path directory (an unnamed module: ServiceLoader
     * ignores META-INF/services entries that name classes in named modules), listed in
     * META-INF/services.
     */
    private URLClassLoader classPathProviders(String simpleName, String annotation, String constructorBody)
            throws IOException {
        Path src = Files.createDirectories(dir.resolve("cpsrc/com/example/cp"));
        Path cp = dir.resolve("cp");
        Files.writeString(
                src.resolve(simpleName + ".java"), """
                package com.example.cp;

                import io.remotebank.core.CustomerId;
                import io.remotebank.core.consent.ConsentRecord;
                import java.util.List;

                %s
                public class %s implements io.remotebank.core.spi.ConsentRegistry {
                    public %s() { %s }
                    @Override public void record(ConsentRecord record) {}
                    @Override public List<ConsentRecord> history(CustomerId customer) { return List.of(); }
                }
                """.formatted(annotation, simpleName, simpleName, constructorBody));
        List<String> args = new ArrayList<>(List.of("-d", cp.toString(), "-classpath", bootLayerPath()));
        args.add(src.resolve(simpleName + ".java").toString());
        javac(args);
        Path services = Files.createDirectories(cp.resolve("META-INF/services"));
        Files.writeString(services.resolve(ConsentRegistry.class.getName()), "com.example.cp." + simpleName + "\n");
        return new URLClassLoader(new URL[] {cp.toUri().toURL()}, getClass().getClassLoader());
    }

    /** Runs the JDK's javac as a process (the test module does not read java.compiler). */
    private static void javac(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor()).as("javac: " + output).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The file locations of the boot layer's modules (rb-core and what it requires). */
    private static String bootLayerModules() {
        List<String> path = new ArrayList<>();
        ModuleLayer.boot()
                .configuration()
                .modules()
                .forEach(m -> m.reference()
                        .location()
                        .filter(uri -> uri.getScheme().equals("file"))
                        .ifPresent(uri -> path.add(Path.of(uri).toString())));
        return String.join(java.io.File.pathSeparator, path);
    }

    /** Everything visible to this test, as a class path. */
    private static String bootLayerPath() {
        return bootLayerModules() + java.io.File.pathSeparator + System.getProperty("java.class.path");
    }

    private static void compile(Path src, Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", bootLayerModules()));
        try (var files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        javac(args);
    }
}
