package io.remotebank.releasechecks;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** The kinds of module in ARCHITECTURE.md; every reactor module must have one. */
@API(status = INTERNAL, since = "0.1")
public enum ModuleKind {
    /** rb-core: shared by all. */
    CORE,
    /** A feature module: depends on rb-core only, never on another feature module or a provider. */
    FEATURE,
    /**
     * A provider (under {@code providers/}): one vendor's or protocol's adapter of one feature
     * module's SPI, depending on exactly that feature module and rb-core, so that a bank takes only
     * the adapters (and their libraries) it uses. Its packages are its own (no split package with
     * its feature module); a simulator of the vendor may ship in it.
     */
    PROVIDER,
    /** rb-tck: compatibility kits, may depend on every feature module. */
    TCK,
    /** rb-examples: the rb command and demos, may depend on every feature module. */
    EXAMPLES,
    /** rb-testing: what an application's tests need (virtual time); depends on rb-core only. */
    TESTING,
    /** rb-bom: no Java, no parent. */
    BOM,
    /** Built but not published: test support, benchmarks, peers for interoperability tests, these checks. */
    UNPUBLISHED;

    private static final Map<String, ModuleKind> KINDS = Map.ofEntries(
            Map.entry("rb-core", CORE),
            Map.entry("rb-testing", TESTING),
            Map.entry("rb-routing", FEATURE),
            Map.entry("rb-video-signaling", FEATURE),
            Map.entry("rb-identity-verify", FEATURE),
            Map.entry("rb-channels", FEATURE),
            Map.entry("rb-channels-smpp", PROVIDER),
            Map.entry("rb-channels-wechat", PROVIDER),
            Map.entry("rb-identity-tesseract", PROVIDER),
            Map.entry("rb-identity-tencent", PROVIDER),
            Map.entry("rb-identity-aws", PROVIDER),
            Map.entry("rb-channels-cmpp", PROVIDER),
            Map.entry("rb-segmentation", FEATURE),
            Map.entry("rb-tck", TCK),
            Map.entry("rb-examples", EXAMPLES),
            Map.entry("rb-bom", BOM),
            Map.entry("rb-test-support", UNPUBLISHED),
            Map.entry("rb-benchmarks", UNPUBLISHED),
            Map.entry("rb-peers", UNPUBLISHED),
            Map.entry("rb-release-checks", UNPUBLISHED));

    /**
     * The kind of a module.
     *
     * @param artifactId the module's artifact id
     * @return its kind, or empty for a module nobody has classified yet
     */
    public static Optional<ModuleKind> of(String artifactId) {
        return Optional.ofNullable(KINDS.get(artifactId));
    }

    /** Whether artifacts of this kind are published (a bank may depend on them). */
    public boolean published() {
        return this != UNPUBLISHED;
    }

    /** Whether this kind is a published Java module with a {@code module-info}. */
    public boolean javaModule() {
        return published() && this != BOM;
    }
}
