package io.remotebank.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.remotebank.releasechecks.fixtures.alpha.Alpha;
import io.remotebank.releasechecks.fixtures.alpha.internal.AlphaSecret;
import io.remotebank.releasechecks.fixtures.beta.Beta;
import io.remotebank.releasechecks.fixtures.beta.BetaUsesAlphaInternals;
import io.remotebank.releasechecks.fixtures.beta.UnannotatedPublicType;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule, shown a bad example, reports it: the rules can fail. */
class HouseRulesSelfTest {

    private static Pom pom(String artifactId, List<Pom.Dependency> dependencies) {
        return new Pom(
                java.nio.file.Path.of(artifactId),
                artifactId,
                "1.0",
                "jar",
                Optional.of("rb-parent"),
                Map.of(),
                List.of(),
                dependencies,
                List.of(),
                false);
    }

    private static Pom.Dependency dependency(String artifactId, String scope) {
        return new Pom.Dependency("io.remotebank", artifactId, "", scope, "jar");
    }

    private static Reactor reactor(Pom... modules) {
        return new Reactor(pom("rb-parent", List.of()), List.of(modules));
    }

    @Test
    void featureDependingOnFeature_evenInTestScope_isReported() {
        Reactor reactor = reactor(
                pom("rb-core", List.of()),
                pom("rb-routing", List.of(dependency("rb-core", "compile"), dependency("rb-channels", "test"))),
                pom("rb-channels", List.of(dependency("rb-core", "compile"))));

        assertThat(HouseRules.featureModulesIndependentInPoms(reactor))
                .containsExactly(
                        "rb-routing depends on feature module rb-channels (scope test); wire features together in the application");
    }

    @Test
    void featureDependingOnProvider_evenInTestScope_isReported() {
        Reactor reactor = reactor(
                pom("rb-channels", List.of(dependency("rb-core", "compile"), dependency("rb-channels-smpp", "test"))),
                pom("rb-channels-smpp", List.of(dependency("rb-channels", "compile"))));

        assertThat(HouseRules.featureModulesIndependentInPoms(reactor))
                .containsExactly(
                        "rb-channels depends on provider rb-channels-smpp (scope test); a feature module knows no provider");
    }

    @Test
    void providerOnOneFeatureAndCore_passes_withTestHelpersInTestScope() {
        Reactor reactor = reactor(pom(
                "rb-channels-smpp",
                List.of(
                        dependency("rb-channels", "compile"),
                        dependency("rb-core", "compile"),
                        dependency("rb-testing", "test"),
                        dependency("rb-test-support", "test"),
                        dependency("rb-peers", "test"))));

        assertThat(HouseRules.providersDependOnOneFeature(reactor)).isEmpty();
    }

    @Test
    void providerOnTwoFeatures_onAnotherProvider_orOnTheTck_isReported() {
        Reactor reactor = reactor(pom(
                "rb-channels-smpp",
                List.of(
                        dependency("rb-channels", "compile"),
                        dependency("rb-routing", "test"),
                        dependency("rb-channels-smpp", "compile"),
                        dependency("rb-tck", "compile"))));

        assertThat(HouseRules.providersDependOnOneFeature(reactor))
                .containsExactly(
                        "rb-channels-smpp depends on provider rb-channels-smpp (scope compile); providers stand apart",
                        "rb-channels-smpp depends on rb-tck (TCK, scope compile); a provider depends on its feature"
                                + " module and rb-core only",
                        "rb-channels-smpp depends on feature modules [rb-channels, rb-routing]; a provider adapts"
                                + " exactly one");
    }

    @Test
    void providerOnNoFeature_isReported() {
        Reactor reactor = reactor(pom("rb-channels-smpp", List.of(dependency("rb-core", "compile"))));

        assertThat(HouseRules.providersDependOnOneFeature(reactor))
                .containsExactly("rb-channels-smpp depends on feature modules []; a provider adapts exactly one");
    }

    @Test
    void providerRequiringTwoFeatures_andFeatureRequiringProvider_areReported() {
        ModuleDescriptor smpp = ModuleDescriptor.newModule("io.remotebank.channels.smpp")
                .requires("io.remotebank.channels")
                .requires("io.remotebank.routing")
                .build();
        ModuleDescriptor channels = ModuleDescriptor.newModule("io.remotebank.channels")
                .requires("io.remotebank.channels.smpp")
                .build();
        Map<String, String> names = Map.of(
                "rb-channels-smpp", "io.remotebank.channels.smpp",
                "rb-channels", "io.remotebank.channels",
                "rb-routing", "io.remotebank.routing");

        assertThat(HouseRules.moduleDescriptors(Map.of("rb-channels-smpp", smpp, "rb-channels", channels), names))
                .containsExactlyInAnyOrder(
                        "rb-channels-smpp requires feature modules [io.remotebank.channels, io.remotebank.routing];"
                                + " a provider adapts exactly one",
                        "rb-channels requires provider io.remotebank.channels.smpp");
    }

    @Test
    void aPackageInTwoModules_isReportedAsSplit() {
        ModuleDescriptor channels = ModuleDescriptor.newModule("io.remotebank.channels")
                .packages(Set.of("io.remotebank.channels", "io.remotebank.channels.smpp"))
                .build();
        ModuleDescriptor smpp = ModuleDescriptor.newModule("io.remotebank.channels.smpp")
                .packages(Set.of("io.remotebank.channels.smpp", "io.remotebank.channels.smpp.pdu"))
                .build();

        assertThat(HouseRules.noSplitPackages(Map.of("rb-channels", channels, "rb-channels-smpp", smpp)))
                .containsExactly(
                        "package io.remotebank.channels.smpp is split between [rb-channels, rb-channels-smpp]");
    }

    @Test
    void featureUsingProviderClasses_andProviderUsingTwoFeatures_areReported() {
        var alpha = new ClassFileImporter().importClasses(Alpha.class, AlphaSecret.class);
        var beta = new ClassFileImporter().importClasses(Beta.class, BetaUsesAlphaInternals.class);
        var gamma = new ClassFileImporter().importClasses(io.remotebank.releasechecks.fixtures.gamma.Gamma.class);
        var epsilon =
                new ClassFileImporter().importClasses(io.remotebank.releasechecks.fixtures.epsilon.TwoFeatures.class);
        String fixtures = "io.remotebank.releasechecks.fixtures";

        assertThat(HouseRules.classDependencies(
                        Map.of("rb-channels", beta, "rb-channels-smpp", alpha),
                        Map.of("rb-channels", fixtures + ".beta", "rb-channels-smpp", fixtures + ".alpha")))
                .contains("rb-channels: " + BetaUsesAlphaInternals.class.getName() + " uses "
                        + AlphaSecret.class.getName() + " of provider rb-channels-smpp");
        assertThat(HouseRules.classDependencies(
                        Map.of("rb-routing", alpha, "rb-channels", gamma, "rb-channels-smpp", epsilon),
                        Map.of(
                                "rb-routing", fixtures + ".alpha",
                                "rb-channels", fixtures + ".gamma",
                                "rb-channels-smpp", fixtures + ".epsilon")))
                .containsExactly("rb-channels-smpp: uses classes of feature modules [rb-channels, rb-routing];"
                        + " a provider adapts exactly one");
    }

    @Test
    void tckAndExamples_mayDependOnFeatures() {
        Reactor reactor = reactor(
                pom("rb-tck", List.of(dependency("rb-channels", "compile"))),
                pom("rb-examples", List.of(dependency("rb-routing", "compile"))));

        assertThat(HouseRules.featureModulesIndependentInPoms(reactor)).isEmpty();
    }

    @Test
    void unknownModule_isReported() {
        assertThat(HouseRules.everyModuleClassified(reactor(pom("rb-newthing", List.of()))))
                .singleElement()
                .asString()
                .contains("rb-newthing has no kind");
    }

    @Test
    void exportedInternalPackage_isReported() {
        ModuleDescriptor core = ModuleDescriptor.newModule("io.remotebank.core")
                .exports("io.remotebank.core")
                .exports("io.remotebank.core.crypto.internal")
                .build();

        assertThat(HouseRules.moduleDescriptors(Map.of("rb-core", core), Map.of("rb-core", "io.remotebank.core")))
                .containsExactly("rb-core exports internal package io.remotebank.core.crypto.internal");
    }

    @Test
    void qualifiedExportOfInternalPackage_isReportedToo() {
        ModuleDescriptor core = ModuleDescriptor.newModule("io.remotebank.core")
                .exports(Set.of(), "io.remotebank.core.internal", Set.of("io.remotebank.routing"))
                .build();

        assertThat(HouseRules.moduleDescriptors(Map.of("rb-core", core), Map.of("rb-core", "io.remotebank.core")))
                .containsExactly("rb-core exports internal package io.remotebank.core.internal");
    }

    @Test
    void unqualifiedOpenOfInternalPackage_andOpenModule_areReported() {
        ModuleDescriptor opens = ModuleDescriptor.newModule("io.remotebank.core")
                .opens("io.remotebank.core.internal")
                .build();
        ModuleDescriptor open =
                ModuleDescriptor.newOpenModule("io.remotebank.routing").build();

        assertThat(HouseRules.moduleDescriptors(
                        Map.of("rb-core", opens, "rb-routing", open),
                        Map.of("rb-core", "io.remotebank.core", "rb-routing", "io.remotebank.routing")))
                .containsExactlyInAnyOrder(
                        "rb-core opens internal package io.remotebank.core.internal to everyone",
                        "rb-routing is an open module: every package, internal ones too, is open");
    }

    @Test
    void featureRequiringFeature_andMisnamedModule_areReported() {
        ModuleDescriptor routing = ModuleDescriptor.newModule("io.remotebank.routing")
                .requires("io.remotebank.channels")
                .build();
        ModuleDescriptor channels =
                ModuleDescriptor.newModule("io.remotebank.channel").build();

        assertThat(HouseRules.moduleDescriptors(
                        Map.of("rb-routing", routing, "rb-channels", channels),
                        Map.of("rb-routing", "io.remotebank.routing", "rb-channels", "io.remotebank.channels")))
                .containsExactlyInAnyOrder(
                        "rb-routing requires feature module io.remotebank.channels",
                        "rb-channels is module io.remotebank.channel but its POM says io.remotebank.channels");
    }

    @Test
    void moduleWithApi_skippingJavadoc_isReported() {
        Pom routing = new Pom(
                java.nio.file.Path.of("rb-routing"),
                "rb-routing",
                "1.0",
                "jar",
                Optional.of("rb-parent"),
                Map.of("maven.javadoc.skip", "true"),
                List.of(),
                List.of(),
                List.of(),
                false);
        ModuleDescriptor withApi = ModuleDescriptor.newModule("io.remotebank.routing")
                .exports("io.remotebank.routing")
                .build();
        ModuleDescriptor withoutApi =
                ModuleDescriptor.newModule("io.remotebank.routing").build();

        assertThat(HouseRules.javadocForEveryApi(Map.of("rb-routing", withApi), reactor(routing)))
                .containsExactly(
                        "rb-routing exports 1 package(s) but skips javadoc: remove maven.javadoc.skip from its POM");
        assertThat(HouseRules.javadocForEveryApi(Map.of("rb-routing", withoutApi), reactor(routing)))
                .isEmpty();
    }

    @Test
    void classUsingAnotherModulesInternals_isReported_ownModuleIsNot() {
        var alphaClasses = new ClassFileImporter().importClasses(Alpha.class, AlphaSecret.class);
        var betaClasses = new ClassFileImporter().importClasses(Beta.class, BetaUsesAlphaInternals.class);
        String fixtures = "io.remotebank.releasechecks.fixtures";

        List<String> violations = HouseRules.classDependencies(
                Map.of("rb-routing", alphaClasses, "rb-channels", betaClasses),
                Map.of("rb-routing", fixtures + ".alpha", "rb-channels", fixtures + ".beta"));

        assertThat(violations)
                .contains("rb-channels: " + BetaUsesAlphaInternals.class.getName() + " uses "
                        + AlphaSecret.class.getName() + ", internal to rb-routing")
                .contains("rb-channels: " + BetaUsesAlphaInternals.class.getName() + " uses "
                        + AlphaSecret.class.getName() + " of feature module rb-routing")
                .noneMatch(v -> v.startsWith("rb-routing:"));
    }

    @Test
    void nonFeatureModule_mayUseFeatureApi_butNotInternals() {
        var alphaClasses = new ClassFileImporter().importClasses(Alpha.class, AlphaSecret.class);
        var betaClasses = new ClassFileImporter().importClasses(Beta.class, BetaUsesAlphaInternals.class);
        String fixtures = "io.remotebank.releasechecks.fixtures";

        List<String> violations = HouseRules.classDependencies(
                Map.of("rb-routing", alphaClasses, "rb-examples", betaClasses),
                Map.of("rb-routing", fixtures + ".alpha", "rb-examples", fixtures + ".beta"));

        assertThat(violations)
                .containsExactly("rb-examples: " + BetaUsesAlphaInternals.class.getName() + " uses "
                        + AlphaSecret.class.getName() + ", internal to rb-routing");
    }

    @Test
    void publicTypeWithoutApiAnnotation_isReported() {
        var classes = new ClassFileImporter().importClasses(Alpha.class, UnannotatedPublicType.class);

        assertThat(HouseRules.apiStatusDeclared(classes))
                .containsExactly(UnannotatedPublicType.class.getName()
                        + " is public but has no @API(status = ..., since = ...)");
    }

    @Test
    void owner_isTheLongestRootPrefix() {
        Map<String, String> roots = Map.of("rb-core", "io.remotebank.core", "rb-corex", "io.remotebank.corex");

        assertThat(HouseRules.owner("io.remotebank.corex.internal", roots)).contains("rb-corex");
        assertThat(HouseRules.owner("io.remotebank.core.audit", roots)).contains("rb-core");
        assertThat(HouseRules.owner("org.example", roots)).isEmpty();
    }

    @Test
    void readingTheJvmsTime_outsideRbCoresTimePackage_isReported() {
        var classes = new ClassFileImporter().importClasses(io.remotebank.releasechecks.fixtures.delta.Sleeper.class);

        assertThat(HouseRules.timeIsInjected(Map.of("rb-beta", classes), c -> false))
                .containsExactly(
                        "rb-beta: io.remotebank.releasechecks.fixtures.delta.Sleeper calls java.lang.System.currentTimeMillis (take a Clock, Ticker or Scheduler instead)",
                        "rb-beta: io.remotebank.releasechecks.fixtures.delta.Sleeper calls java.lang.System.nanoTime (take a Clock, Ticker or Scheduler instead)",
                        "rb-beta: io.remotebank.releasechecks.fixtures.delta.Sleeper calls java.lang.Thread.sleep (take a Clock, Ticker or Scheduler instead)",
                        "rb-beta: io.remotebank.releasechecks.fixtures.delta.Sleeper calls java.time.Instant.now (take a Clock, Ticker or Scheduler instead)",
                        "rb-beta: io.remotebank.releasechecks.fixtures.delta.Sleeper calls java.time.LocalDate.now (take a Clock, Ticker or Scheduler instead)");
        assertThat(HouseRules.timeIsInjected(Map.of("rb-core", classes), c -> true))
                .isEmpty();
    }

    @Test
    void readingTheTimeOfAnInjectedClock_isNotReported() {
        var classes = new ClassFileImporter().importClasses(io.remotebank.releasechecks.fixtures.delta.Sleeper.class);

        // Sleeper.injected calls Instant.now(clock): one Instant.now line above, from deadline() alone.
        assertThat(HouseRules.timeIsInjected(Map.of("rb-beta", classes), c -> false))
                .filteredOn(v -> v.endsWith("calls java.time.Instant.now (take a Clock, Ticker or Scheduler instead)"))
                .hasSize(1);
    }

    private static final String EPSILON = "io.remotebank.releasechecks.fixtures.epsilon.";

    private static HouseRules.DeclaredCode code(String code, String type) {
        return new HouseRules.DeclaredCode("rb-epsilon", EPSILON + "EpsilonError", code, type);
    }

    @Test
    void errorCodes_withoutTheirOneClass_orItsGuideRow_areReported() {
        var classes = new ClassFileImporter()
                .importClasses(
                        io.remotebank.releasechecks.fixtures.epsilon.EpsilonException.class,
                        io.remotebank.releasechecks.fixtures.epsilon.OrphanException.class,
                        io.remotebank.core.RbException.class);
        String guide = String.join(
                "\n",
                "| code | exception | meaning |",
                "|---|---|---|",
                "| `eps.ok` | `EpsilonException` | documented with its class |",
                "| `eps.wrong-class` | `ValidationException` | documented with another class |");
        List<HouseRules.DeclaredCode> codes = List.of(
                code("eps.ok", EPSILON + "EpsilonException"),
                code("eps.undeclared", "io.remotebank.core.RbException"),
                code("eps.wrong-class", EPSILON + "EpsilonException"),
                code("eps.undocumented", EPSILON + "EpsilonException"),
                code("eps.ok", EPSILON + "EpsilonException"));

        List<String> violations = HouseRules.errorCodesPairedWithOneDocumentedClass(
                codes, Map.of("rb-epsilon", classes), Map.of("rb-epsilon", guide), Set.of());

        String where = "rb-epsilon: " + EPSILON + "EpsilonError ";
        assertThat(violations)
                .containsExactlyInAnyOrder(
                        where + "eps.ok is also declared by " + EPSILON + "EpsilonError: a code names one thing",
                        where + "eps.undeclared declares no exception class: override ErrorCode.exceptionType()",
                        where + "eps.wrong-class is listed in the guide without its exception class EpsilonException: "
                                + "| `eps.wrong-class` | `ValidationException` | documented with another class |",
                        where + "eps.undocumented is not in an error table of the module's guide (docs/rb-epsilon*.md:"
                                + " | code | exception | meaning |)",
                        "rb-epsilon: " + EPSILON + "OrphanException is thrown with no error code that declares it:"
                                + " give it codes or remove it");
    }

    @Test
    void pendingErrorEnums_andExceptions_areNotReported_untilTakenOffTheList() {
        var classes = new ClassFileImporter()
                .importClasses(io.remotebank.releasechecks.fixtures.epsilon.OrphanException.class);
        List<HouseRules.DeclaredCode> codes = List.of(code("eps.undeclared", "io.remotebank.core.RbException"));

        assertThat(HouseRules.errorCodesPairedWithOneDocumentedClass(
                        codes,
                        Map.of("rb-epsilon", classes),
                        Map.of(),
                        Set.of(EPSILON + "EpsilonError", EPSILON + "OrphanException")))
                .isEmpty();
    }
}
