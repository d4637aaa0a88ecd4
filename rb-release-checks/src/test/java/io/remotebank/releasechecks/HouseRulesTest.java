package io.remotebank.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.remotebank.core.CoreError;
import io.remotebank.core.ErrorCode;
import io.remotebank.core.SdkModules;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of the house, applied to this reactor as built. */
class HouseRulesTest {

    private static Path root;
    private static Reactor reactor;

    @BeforeAll
    static void readReactor() {
        String property = System.getProperty("rb.root");
        assertThat(property).as("rb.root (set by the parent POM)").isNotBlank();
        root = Path.of(property);
        reactor = Reactor.read(root);
    }

    @Test
    void everyModule_hasAKind() {
        assertThat(HouseRules.everyModuleClassified(reactor)).isEmpty();
    }

    @Test
    void featureModules_doNotDependOnEachOther_inPoms() {
        assertThat(HouseRules.featureModulesIndependentInPoms(reactor)).isEmpty();
    }

    @Test
    void providers_dependOnOneFeatureModule_andRbCore() {
        assertThat(reactor.modules())
                .as("the reactor has providers")
                .anyMatch(m -> ModuleKind.of(m.artifactId()).orElseThrow() == ModuleKind.PROVIDER);
        assertThat(HouseRules.providersDependOnOneFeature(reactor)).isEmpty();
    }

    @Test
    void bom_listsEveryPublishedModule_andInheritsNothing() {
        assertThat(BomRules.check(reactor, SdkModules.PUBLISHED_ARTIFACTS)).isEmpty();
    }

    @Test
    void moduleDescriptors_exportNoInternalPackage() throws Exception {
        Map<String, ModuleDescriptor> descriptors = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Pom module : reactor.modules()) {
            if (!ModuleKind.of(module.artifactId()).orElseThrow().javaModule()) {
                continue;
            }
            Path classes = built(module, "classes");
            Set<ModuleReference> found = ModuleFinder.of(classes).findAll();
            assertThat(found)
                    .as(module.artifactId() + " has a module-info.class")
                    .hasSize(1);
            descriptors.put(module.artifactId(), found.iterator().next().descriptor());
            names.put(module.artifactId(), module.property("rb.module").orElse("(rb.module not set)"));
        }

        assertThat(descriptors).hasSize(15);
        assertThat(HouseRules.moduleDescriptors(descriptors, names)).isEmpty();
        assertThat(HouseRules.noSplitPackages(descriptors)).isEmpty();
        assertThat(HouseRules.javadocForEveryApi(descriptors, reactor)).isEmpty();
    }

    @Test
    void classes_useNoOtherModulesInternals_andFeaturesStayApart() throws Exception {
        Map<String, JavaClasses> classes = new LinkedHashMap<>();
        Map<String, String> roots = new LinkedHashMap<>();
        for (Pom module : reactor.modules()) {
            if (module.packaging().equals("pom")) {
                continue;
            }
            roots.put(module.artifactId(), module.property("rb.module").orElseThrow());
            List<Path> paths = new ArrayList<>();
            paths.add(built(module, "classes"));
            Path testClasses = module.directory().resolve("target/test-classes");
            if (Files.isDirectory(testClasses)) {
                paths.add(testClasses);
            }
            classes.put(module.artifactId(), new ClassFileImporter().importPaths(paths));
        }

        assertThat(HouseRules.classDependencies(classes, roots)).isEmpty();
    }

    @Test
    void everyPublicType_ofAPublishedModule_declaresItsApiStatus() throws Exception {
        List<JavaClass> mainClasses = new ArrayList<>();
        for (Pom module : reactor.modules()) {
            if (ModuleKind.of(module.artifactId()).orElseThrow().javaModule()) {
                new ClassFileImporter().importPath(built(module, "classes")).forEach(mainClasses::add);
            }
        }

        assertThat(mainClasses).isNotEmpty();
        assertThat(HouseRules.apiStatusDeclared(mainClasses)).isEmpty();
    }

    /**
     * Main classes allowed to read the JVM's time for a while: a branch that brings in code still
     * reading it may list a class here, and the integrator empties the list on merge. Empty since
     * issue 24 (every published module reads time through rb-core's Clock, Ticker and Scheduler).
     */
    private static final Set<String> TIME_PENDING = Set.of();

    @Test
    void publishedMainCode_readsTimeOnlyThroughRbCoresTimePackages() throws Exception {
        Map<String, JavaClasses> mainClasses = publishedMainClasses();

        List<String> violations = HouseRules.timeIsInjected(mainClasses, HouseRulesTest::mayReadTheJvmsTime);

        assertThat(violations).isEmpty();
        assertThat(TIME_PENDING)
                .as("a pending class that no longer reads the JVM's time comes off the list")
                .allSatisfy(name -> assertThat(HouseRules.timeIsInjected(
                                mainClasses, c -> !c.getName().equals(name)))
                        .as(name)
                        .anyMatch(v -> v.contains(" " + name + " calls ")));
    }

    private static boolean mayReadTheJvmsTime(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        return pkg.equals("io.remotebank.core.time")
                || pkg.equals("io.remotebank.core.internal.time")
                || TIME_PENDING.contains(javaClass.getName());
    }

    /**
     * Two-file circles between an API type and an internal one that another branch still has to
     * untangle ({@code artifact: ApiType <-> InternalType}); the integrator empties the list on
     * merge. rb-core's scheduler and its implementations are House 2/3's; rb-video-signaling's three
     * (SipUri and Grammar, TransactionLayer and its implementation, SipEndpoint and NettyEndpoint)
     * went in issue 32.
     */
    private static final Set<String> CIRCLES_PENDING = Set.of(
            "rb-core: io.remotebank.core.time.Scheduler <-> io.remotebank.core.internal.time.ExecutorScheduler",
            "rb-core: io.remotebank.core.time.Scheduler <-> io.remotebank.core.internal.time.RepeatingTask");

    @Test
    void apiTypes_andTheInternalsTheyUse_doNotDependOnEachOther() throws Exception {
        Map<String, JavaClasses> mainClasses = publishedMainClasses();

        List<String> circles = HouseRules.apiInternalCircles(mainClasses);

        assertThat(circles).filteredOn(c -> !CIRCLES_PENDING.contains(c)).isEmpty();
        assertThat(CIRCLES_PENDING)
                .as("a pending circle that is gone comes off the list")
                .allSatisfy(pending -> assertThat(circles).contains(pending));
    }

    /**
     * Error enums and exception classes whose one-code-one-class pairing a branch has not declared
     * yet; the integrator empties the list on merge. Empty since issue 24 (point 7).
     */
    private static final Set<String> ERRORS_PENDING = Set.of();

    @Test
    void everyErrorCode_isThrownWithOneDocumentedExceptionClass() throws Exception {
        Map<String, JavaClasses> mainClasses = publishedMainClasses();
        List<HouseRules.DeclaredCode> codes = new ArrayList<>();
        Map<String, String> guides = new LinkedHashMap<>();
        for (Map.Entry<String, JavaClasses> entry : mainClasses.entrySet()) {
            for (JavaClass javaClass : entry.getValue()) {
                if (javaClass.isEnum() && javaClass.isAssignableTo(ErrorCode.class)) {
                    for (Object constant : Class.forName(javaClass.getName()).getEnumConstants()) {
                        ErrorCode code = (ErrorCode) constant;
                        codes.add(new HouseRules.DeclaredCode(
                                entry.getKey(),
                                javaClass.getName(),
                                code.code(),
                                code.exceptionType().getName()));
                    }
                }
            }
            guides.put(entry.getKey(), guides(entry.getKey()));
        }

        assertThat(codes).extracting(HouseRules.DeclaredCode::owner).contains(CoreError.class.getName());
        assertThat(HouseRules.errorCodesPairedWithOneDocumentedClass(codes, mainClasses, guides, ERRORS_PENDING))
                .isEmpty();
    }

    private static String guides(String artifact) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(root.resolve("docs"))) {
            for (Path guide : files.sorted().toList()) {
                String name = guide.getFileName().toString();
                if (name.equals(artifact + ".md") || (name.startsWith(artifact + "-") && name.endsWith(".md"))) {
                    text.append(Files.readString(guide)).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Imported once for the rules that read every published main class (it takes seconds). */
    private static Map<String, JavaClasses> publishedMainClasses;

    private static synchronized Map<String, JavaClasses> publishedMainClasses() {
        if (publishedMainClasses == null) {
            publishedMainClasses = importPublishedMainClasses();
        }
        return publishedMainClasses;
    }

    private static Map<String, JavaClasses> importPublishedMainClasses() {
        Map<String, JavaClasses> classes = new LinkedHashMap<>();
        for (Pom module : reactor.modules()) {
            if (ModuleKind.of(module.artifactId()).orElseThrow().javaModule()) {
                classes.put(module.artifactId(), new ClassFileImporter().importPath(built(module, "classes")));
            }
        }
        assertThat(classes).containsKeys("rb-core", "rb-routing", "rb-examples", "rb-tck", "rb-testing");
        return classes;
    }

    private static Path built(Pom module, String kind) {
        Path dir = module.directory().resolve("target").resolve(kind);
        assertThat(dir)
                .as(module.artifactId() + " is built (run the whole reactor: ./mvnw verify)")
                .isDirectory();
        return dir;
    }
}
