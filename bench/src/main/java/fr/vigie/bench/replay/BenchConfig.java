package fr.vigie.bench.replay;

import fr.vigie.config.AlertsConfig;
import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.Journey;
import fr.vigie.config.Site;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.config.StorageConfig;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.Vantage;
import fr.vigie.config.VigieConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A synthetic configuration: {@code targets} ENTs in groups of {@code perGroup}, one control, a 5-step journey. */
final class BenchConfig {
    static final List<String> STEPS = List.of("home", "css", "login", "api", "post");
    static final List<StepKind> KINDS = List.of(StepKind.PAGE, StepKind.STATIC, StepKind.LOGIN, StepKind.API,
            StepKind.WRITE);

    private BenchConfig() {
    }

    static VigieConfig of(int targets, int perGroup) {
        List<Target> list = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            list.add(target("ent-" + i, TargetKind.ENT, "host-" + (i / perGroup)));
        }
        list.add(target("control", TargetKind.CONTROL, "control"));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            steps.add(new Step(STEPS.get(i), KINDS.get(i), "/" + STEPS.get(i), null, null, true, Map.of(),
                    Step.Expect.none(), Map.of(), false));
        }
        Site site = new Site("Vigie bench", "http://127.0.0.1:8080", Path.of("site"), List.of("fr", "en"),
                ZoneId.of("Europe/Paris"), "127.0.0.1:8080", "http://127.0.0.1/contact");
        return new VigieConfig(site, new StorageConfig(StorageConfig.Type.EMBEDDED, Path.of("bench.db"), null, null,
                Duration.ofDays(7), null, null), new Vantage("bench", "Bench"), null, Map.of(), Map.of(), List.of(),
                Map.of("ent", new Journey("ent", "bench journey", steps)), list, ClassifierConfig.defaults(),
                AlertsConfig.none());
    }

    private static Target target(String id, TargetKind kind, String group) {
        return new Target(id, id, kind, null, List.of(), "C", "Vendor", group, "http://127.0.0.1:1", "ent",
                Optional.empty(), "default", List.of(), Map.of());
    }
}
