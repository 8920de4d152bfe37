package fr.vigie.probes.contract;

import fr.vigie.config.ConfigLoader;
import fr.vigie.config.Journey;
import fr.vigie.config.Target;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.RoundInfo;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.Fixtures;
import fr.vigie.probes.testing.Warmup;
import fr.vigie.simulator.Capacity;
import fr.vigie.simulator.Flavour;
import fr.vigie.simulator.LoopbackPorts;
import fr.vigie.simulator.ServiceSpec;
import fr.vigie.simulator.SimOptions;
import fr.vigie.simulator.SimulatedFleet;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.vigie.probes.testing.Fixtures.PASSWORD;
import static fr.vigie.probes.testing.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of docs flows.md from both sides: the config module's shipped journey templates, walked by
 * this runner against the simulator's fake platforms, succeed step by step with an account, and stop after
 * the public steps without one.
 */
class TemplatesAgainstSimulatorTest {
    static final List<String> TEMPLATES = List.of("open-ent-ng-write", "cas-write", "kosmos-write", "cned-write",
            "educonnect", "control");
    static Vertx vertx;
    static SimulatedFleet fleet;
    static JourneyRunner runner;
    static final Map<String, ServiceSpec> specs = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        List<ServiceSpec> list = new ArrayList<>();
        List<Integer> ports = LoopbackPorts.free(TEMPLATES.size());
        for (String template : TEMPLATES) {
            ServiceSpec spec = new ServiceSpec("sim-" + template, Flavour.forJourney(template), "127.0.0.1",
                    ports.get(list.size()), "group-" + template, Capacity.standard(), USER, PASSWORD);
            specs.put(template, spec);
            list.add(spec);
        }
        fleet = Await.result(SimulatedFleet.start(vertx, list, SimOptions.quiet()));
        runner = new JourneyRunner(vertx, Fixtures.settings(Fixtures.probing()));
        Warmup.run(vertx, runner);
    }

    @AfterAll
    static void stop() {
        Await.result(runner.close());
        Await.result(fleet.close());
        Await.result(vertx.close());
    }

    static Target target(String template, boolean withAccount) {
        ServiceSpec spec = specs.get(template);
        Map<String, String> vars = Map.of(
                "service", "http%3A%2F%2F127.0.0.1%3A" + spec.port() + "%2Fportal%2F",
                "sso", "/idp/profile/SAML2/Redirect/SSO?execution=e1s1");
        return Fixtures.target(spec.id(), spec.baseUrl(), withAccount ? Fixtures.credentials(USER, PASSWORD) : null,
                vars);
    }

    @ParameterizedTest
    @ValueSource(strings = {"open-ent-ng-write", "cas-write", "kosmos-write", "cned-write", "educonnect", "control"})
    void everyStepSucceedsWithAnAccount(String template) {
        Journey journey = ConfigLoader.builtinJourneys().get(template);
        assertThat(journey).as(template).isNotNull();
        List<StepResult> results = Await.result(runner.run(target(template, true), journey, RoundInfo.now(), r -> { }));
        assertThat(results).extracting(StepResult::step)
                .containsExactlyElementsOf(journey.steps().stream().map(fr.vigie.config.Step::name).toList());
        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(template + "/" + r.step() + ": " + r.detail()
                + " status " + r.status()).isEqualTo(Outcome.OK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"open-ent-ng-write", "cas-write", "cned-write", "educonnect"})
    void withoutAnAccountOnlyThePublicStepsRun(String template) {
        Journey journey = ConfigLoader.builtinJourneys().get(template);
        List<StepResult> results = Await.result(runner.run(target(template, false), journey, RoundInfo.now(), r -> { }));
        assertThat(results).isNotEmpty().allMatch(StepResult::ok);
        assertThat(results).extracting(StepResult::step)
                .containsExactlyElementsOf(journey.steps().stream().filter(s -> !s.needsLogin())
                        .map(fr.vigie.config.Step::name).toList());
    }
}
