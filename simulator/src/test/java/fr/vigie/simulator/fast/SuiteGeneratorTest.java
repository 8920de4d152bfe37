package fr.vigie.simulator.fast;

import fr.vigie.simulator.scenario.Scenario;
import fr.vigie.simulator.scenario.ScenarioEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated suite covers every fault type, healthy days and combinations, from a seed. */
class SuiteGeneratorTest {
    @Test
    void fortyScenariosFromTheDemoFleetAreReproducibleAndValid() throws Exception {
        List<FastTarget> fleet = FleetFile.read(Path.of("..", "config", "demo.yaml"));
        assertThat(fleet).hasSizeGreaterThanOrEqualTo(33);
        SuiteGenerator generator = new SuiteGenerator(fleet);
        List<Scenario> suite = generator.generate(42, 40);

        assertThat(suite).hasSize(40);
        assertThat(generator.generate(42, 40)).isEqualTo(suite);
        assertThat(generator.generate(43, 40)).isNotEqualTo(suite);
        List<Scenario> healthy = suite.stream().filter(s -> s.name().endsWith("healthy")).toList();
        assertThat(healthy).hasSize(8).allSatisfy(s -> assertThat(s.events()).allMatch(ScenarioEvent::isRush));
        assertThat(suite.stream().filter(s -> s.name().endsWith("combined"))).hasSize(8);
        Set<String> types = suite.stream().flatMap(s -> s.events().stream()).map(ScenarioEvent::type)
                .collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder("flash_crowd", "attack", "storage", "hosting_outage",
                "application", "maintenance", "rush");
        Set<String> ids = fleet.stream().map(FastTarget::id).collect(Collectors.toSet());
        Set<String> groups = fleet.stream().map(FastTarget::hostingGroup).collect(Collectors.toSet());
        assertThat(suite.stream().flatMap(s -> s.events().stream())).allSatisfy(e -> {
            assertThat(ids).containsAll(e.targets());
            assertThat(e.targets().isEmpty() ? groups.contains(e.hostingGroup()) : true).isTrue();
            assertThat(e.targets()).doesNotContain("controle");
        });
    }
}
