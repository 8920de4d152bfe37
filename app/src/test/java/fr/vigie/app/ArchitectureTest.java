package fr.vigie.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of docs/architecture.md, checked on the compiled product classes (tests excluded): the layering
 * (which module may use which), no cycle between modules, and no module reaching into another's internal
 * sub-packages (only a module's root package and the sub-packages it exports are visible to the others).
 */
class ArchitectureTest {
    /** Which Vigie modules each module may depend on (besides itself). */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "config", Set.of(),
            "probes", Set.of("config"),
            "simulator", Set.of(),
            "aggregator", Set.of("config", "probes"),
            "statuspage", Set.of("config", "probes", "aggregator"),
            "alerts", Set.of("config", "probes", "aggregator"),
            // the public's e-mail subscriptions: the alerts module's outbox carries their notifications
            "subscriptions", Set.of("config", "probes", "aggregator", "alerts"),
            "scoring", Set.of("aggregator", "simulator"), // their verdict and ground-truth records
            // bench is not on this (the product's) classpath: no product module declares it, which Maven enforces
            "app", Set.of("config", "probes", "simulator", "aggregator", "statuspage", "alerts", "subscriptions",
                    "scoring"));

    /** The sub-packages a module offers to the others, besides its root package. */
    static final Set<String> EXPORTED = Set.of(
            "fr.vigie.config.calendar", "fr.vigie.config.schedule",
            "fr.vigie.probes.schedule", "fr.vigie.probes.trace", "fr.vigie.probes.signature",
            "fr.vigie.probes.run", // JourneyRunner, for the probe benchmarks
            "fr.vigie.simulator.scenario",
            "fr.vigie.aggregator.store", "fr.vigie.aggregator.replay", "fr.vigie.aggregator.vantage",
            "fr.vigie.aggregator.forecast",
            "fr.vigie.statuspage.server",
            "fr.vigie.alerts.silence", "fr.vigie.alerts.delivery", "fr.vigie.alerts.outbox");

    /** Single classes of an internal package that others may use. */
    static final Set<String> EXPORTED_CLASSES = Set.of("fr.vigie.config.load.Durations",
            "fr.vigie.simulator.faults.GroundTruthRecord", // the simulator's ground truth, for scoring
            "fr.vigie.simulator.cli.Cli", // one picocli front for the simulator's and the scoring's mains
            // what the outbox (exported) stores and returns: its API in all but package
            "fr.vigie.alerts.content.Alert", "fr.vigie.alerts.content.AlertKind",
            "fr.vigie.alerts.content.ServiceRef",
            "fr.vigie.statuspage.model.Texts"); // the site's French words, for the demo's console

    /** The pipeline's stages: each is given the sections of the configuration it uses, not the whole of it. */
    static final Set<String> STAGES = Set.of("probes", "aggregator", "statuspage", "alerts", "subscriptions");

    /**
     * Classes of a stage that may still take the whole {@code VigieConfig} (with their nested classes): none since
     * the classifier took its own {@code ClassifierSections} (issue 19), and the list only ever shrinks. Outside the
     * stages, the application (its wiring, check-config, the commands), config, scoring and the simulator handle the
     * whole configuration by design.
     */
    static final Set<String> WHOLE_CONFIG_ALLOWED = Set.of();

    private static final String WHOLE_CONFIG = "fr.vigie.config.VigieConfig";

    static JavaClasses classes;

    @BeforeAll
    static void importProduct() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.vigie");
    }

    @Test
    void everyModuleIsImported() {
        for (String module : MAY_USE.keySet()) {
            assertThat(classes.stream().anyMatch(c -> module.equals(module(c)))).as(module).isTrue();
        }
    }

    @Test
    void everyModuleFoundHasItsRule() {
        // A new module must say here (and in docs/architecture.md) which modules it may use.
        Set<String> found = new java.util.TreeSet<>();
        classes.forEach(c -> {
            if (module(c) != null) {
                found.add(module(c));
            }
        });
        assertThat(MAY_USE.keySet()).containsAll(found);
    }

    @Test
    void modulesUseOnlyTheModulesBelowThem() {
        MAY_USE.forEach((module, allowed) -> noClasses().that().resideInAPackage("fr.vigie." + module + "..")
                .should().dependOnClassesThat(moduleOutside(module, allowed))
                .because("docs/architecture.md: " + module + " may use " + allowed)
                .check(classes));
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("fr.vigie.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        for (String module : MAY_USE.keySet()) {
            noClasses().that().resideInAPackage("fr.vigie." + module + "..")
                    .should().dependOnClassesThat(internalOfAnotherModule(module))
                    .because("only a module's root package and its exported sub-packages are its API")
                    .check(classes);
        }
    }

    @Test
    void theProductNeverDependsOnTheBenchmarksButForTheDemoScore() {
        noClasses().that().resideInAPackage("fr.vigie..").and().resideOutsideOfPackages("fr.vigie.bench..",
                        "fr.vigie.app.demo..")
                .should().dependOnClassesThat().resideInAPackage("fr.vigie.bench..")
                .check(classes);
    }

    @Test
    void stagesTakeTheirOwnSectionsNotTheWholeConfiguration() {
        noCodeUnits().that(constructorsOrPublicMethodsOfStagesOutside(WHOLE_CONFIG_ALLOWED))
                .should().haveRawParameterTypes(includingTheWholeConfiguration())
                .because("docs/architecture.md: a stage takes the record of the sections it uses (fr.vigie.app"
                        + ".system.Sections cuts them), so that its signature says what it depends on")
                .check(classes);
    }

    @Test
    void noStageClassUsesTheWholeConfigurationAtAll() {
        // stricter than the signatures: not even a private helper of a stage reads VigieConfig
        for (String stage : STAGES) {
            noClasses().that().resideInAPackage("fr.vigie." + stage + "..")
                    .should().dependOnClassesThat().haveFullyQualifiedName(WHOLE_CONFIG)
                    .because("a stage reads only the sections it is given")
                    .check(classes);
        }
    }

    @Test
    void theWholeConfigurationAllowListStaysEmpty() {
        // it only ever shrank (a class that no longer took the whole configuration left it) and it is empty now:
        // a stage class that wants the whole configuration gets a record of its sections instead
        assertThat(WHOLE_CONFIG_ALLOWED).isEmpty();
    }

    @Test
    void theSectionsRuleCatchesAStageClassTakingTheWholeConfiguration() {
        // positive control: the rule has teeth on a stage class (a test fixture in the aggregator's package that
        // takes the whole configuration), so an empty product report is not an empty rule
        JavaClasses fixture = new ClassFileImporter().importClasses(
                fr.vigie.aggregator.classify.WholeConfigFixture.class);
        assertThat(noCodeUnits().that(constructorsOrPublicMethodsOfStagesOutside(WHOLE_CONFIG_ALLOWED))
                .should().haveRawParameterTypes(includingTheWholeConfiguration())
                .evaluate(fixture).hasViolation()).isTrue();
    }

    private static DescribedPredicate<JavaCodeUnit> constructorsOrPublicMethodsOfStagesOutside(Set<String> allowed) {
        return DescribedPredicate.describe("are constructors or public methods of a stage ("
                + new java.util.TreeSet<>(STAGES) + ") outside " + allowed, u -> {
            JavaClass owner = u.getOwner();
            boolean entry = u.isConstructor() || (u.isMethod() && u.getModifiers().contains(JavaModifier.PUBLIC));
            return entry && STAGES.contains(module(owner)) && !allowed.contains(outer(owner));
        });
    }

    private static DescribedPredicate<List<JavaClass>> includingTheWholeConfiguration() {
        return DescribedPredicate.describe("including " + WHOLE_CONFIG, ArchitectureTest::takesTheWholeConfiguration);
    }

    private static boolean takesTheWholeConfiguration(List<JavaClass> parameters) {
        return parameters.stream().anyMatch(t -> t.getName().equals(WHOLE_CONFIG));
    }

    static String module(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length >= 3 && parts[0].equals("fr") && parts[1].equals("vigie") ? parts[2] : null;
    }

    private static DescribedPredicate<JavaClass> moduleOutside(String module, Set<String> allowed) {
        return DescribedPredicate.describe("belong to a Vigie module other than " + allowed, c -> {
            String m = module(c);
            return m != null && !m.equals(module) && !allowed.contains(m);
        });
    }

    private static DescribedPredicate<JavaClass> internalOfAnotherModule(String module) {
        return DescribedPredicate.describe("are internal to another module", c -> {
            String m = module(c);
            if (m == null || m.equals(module)) {
                return false;
            }
            String pkg = c.getPackageName();
            return !pkg.equals("fr.vigie." + m) && !EXPORTED.contains(pkg)
                    && !EXPORTED_CLASSES.contains(c.getName()) && !EXPORTED_CLASSES.contains(outer(c));
        });
    }

    private static String outer(JavaClass c) {
        String name = c.getName();
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }
}
