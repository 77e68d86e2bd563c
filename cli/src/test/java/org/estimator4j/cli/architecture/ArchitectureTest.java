package org.estimator4j.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture every module's production classes keep, checked from here because cli's test class path holds them
 * all (spi, api, feature-columns, experiment-store, estimators, cli):
 *
 * <ul>
 *   <li>the module layering of ARCHITECTURE.md: spi ← api ← feature-columns / experiment-store ← estimators ← cli;
 *   <li>no cycles between packages, but for the four groups that were cyclic when the test was written
 *       ({@code KNOWN_CYCLES});
 *   <li>Guice only in the composition root, cli;
 *   <li>{@code internal} packages used only from their own module, and plugin hosting ({@code api.plugin.host}) only
 *       by cli.
 * </ul>
 */
@AnalyzeClasses(
        packages = "org.estimator4j",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    private static final String SPI = "org.estimator4j.spi..";
    private static final String API = "org.estimator4j.api..";
    private static final String FEATURES = "org.estimator4j.features..";
    private static final String STORE = "org.estimator4j.store..";
    private static final String ESTIMATORS = "org.estimator4j.estimators..";
    private static final String CLI = "org.estimator4j.cli..";

    /** Each module's root package: a module's classes all live under its root, and no two roots nest. */
    private static final String[] MODULE_ROOTS = {
        "org.estimator4j.spi",
        "org.estimator4j.api",
        "org.estimator4j.features",
        "org.estimator4j.store",
        "org.estimator4j.estimators",
        "org.estimator4j.cli"
    };

    /** The api module's test jar (PluginJar), which cli's tests use: test code, not part of the architecture. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));
        }
    }

    @ArchTest
    static final ArchRule modulesDependOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("spi")
            .definedBy(SPI)
            .layer("api")
            .definedBy(API)
            .layer("feature-columns")
            .definedBy(FEATURES)
            .layer("experiment-store")
            .definedBy(STORE)
            .layer("estimators")
            .definedBy(ESTIMATORS)
            .layer("cli")
            .definedBy(CLI)
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("estimators")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("experiment-store")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("feature-columns")
            .mayOnlyBeAccessedByLayers("estimators", "cli")
            .whereLayer("api")
            .mayOnlyBeAccessedByLayers("feature-columns", "experiment-store", "estimators", "cli")
            .whereLayer("spi")
            .mayOnlyBeAccessedByLayers("api", "feature-columns", "experiment-store", "estimators", "cli");

    /**
     * The package cycles there were when this test was written, each group one slice so that the rule below catches
     * every new cycle (between any other packages, or between a group and the rest) without failing on these. Shrink a
     * group when its cycle is broken; never grow one to make the test pass.
     */
    private static final List<List<String>> KNOWN_CYCLES = List.of(
            // Dataset names its sources (fromCsv, fromJsonLines) and they build Datasets.
            List.of(
                    "api.data",
                    "api.data.internal",
                    "api.csv",
                    "api.csv.internal",
                    "api.json",
                    "api.json.internal",
                    "api.input"),
            // A column transforms itself (TransformContext) and the transformer dispatches on column types.
            List.of("features", "features.transform"),
            // ModelEstimator exports bundles (serving), which load every family's model.
            List.of(
                    "estimators",
                    "estimators.baseline",
                    "estimators.dnn",
                    "estimators.linear",
                    "estimators.serving",
                    "estimators.widedeep"),
            // E4j lists the commands, and commands throw its E4jException; the composition root (wiring) binds the
            // commands' collaborators, and E4j builds its injector.
            List.of(
                    "cli",
                    "cli.wiring",
                    "cli.config",
                    "cli.configcmd",
                    "cli.features",
                    "cli.plugins",
                    "cli.runs",
                    "cli.store",
                    "cli.train"));

    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        private final Map<String, String> group = groups();

        private Map<String, String> groups() {
            Map<String, String> g = new HashMap<>();
            for (List<String> cycle : KNOWN_CYCLES) {
                for (String p : cycle) {
                    g.put("org.estimator4j." + p, "{" + String.join(", ", cycle) + "}");
                }
            }
            return g;
        }

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith("org.estimator4j.")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(group.getOrDefault(p, p.substring("org.estimator4j.".length())));
        }

        @Override
        public String getDescription() {
            return "packages of org.estimator4j (each known cycle one slice)";
        }
    };

    @ArchTest
    static final ArchRule noNewPackageCycles =
            slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule guiceOnlyInTheCompositionRoot = noClasses()
            .that()
            .resideOutsideOfPackage(CLI)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.inject..")
            .because("library modules use plain constructors and builders; cli is the composition root");

    /**
     * Classes in a module's {@code internal} packages are used only from that module's root package tree. The one
     * exception is {@code api.internal.Logs}, through which every library module logs (CONTRIBUTING.md).
     */
    @ArchTest
    static final ArchRule internalPackagesStayInTheirModule = classes()
            .that()
            .resideInAPackage("org.estimator4j..internal..")
            .and()
            .doNotHaveFullyQualifiedName("org.estimator4j.api.internal.Logs")
            .should(onlyBeUsedWithinTheirModule())
            .because("an internal package is its module's implementation, not an API other modules may use");

    private static ArchCondition<JavaClass> onlyBeUsedWithinTheirModule() {
        return new ArchCondition<>("only be used from their own module's root package") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String root = moduleRoot(internal);
                for (Dependency d : internal.getDirectDependenciesToSelf()) {
                    if (!root.equals(moduleRoot(d.getOriginClass()))) {
                        events.add(SimpleConditionEvent.violated(
                                d,
                                d.getDescription() + ", but " + internal.getName() + " is internal to " + root + ".."));
                    }
                }
            }
        };
    }

    private static String moduleRoot(JavaClass c) {
        String p = c.getPackageName();
        for (String root : MODULE_ROOTS) {
            if (p.equals(root) || p.startsWith(root + ".")) {
                return root;
            }
        }
        return p;
    }

    @ArchTest
    static final ArchRule pluginHostingOnlyInTheCli = classes()
            .that()
            .resideInAPackage("org.estimator4j.api.plugin.host..")
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage("org.estimator4j.api.plugin.host..", CLI)
            .because("hosting plugins (finding, loading, creating them) is the CLI's job; library code receives "
                    + "created components");
}
