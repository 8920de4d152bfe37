package fr.vigie.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
            "fr.vigie.alerts.content.ServiceRef");

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
