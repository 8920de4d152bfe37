package fr.vigie.aggregator;

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

/** Small configurations for tests: targets with a five-step journey (page, static, login, api, write). */
public final class TestConfigs {
    public static final List<String> STEPS = List.of("home", "css", "login", "api", "post");
    public static final List<StepKind> KINDS = List.of(StepKind.PAGE, StepKind.STATIC, StepKind.LOGIN, StepKind.API,
            StepKind.WRITE);

    private TestConfigs() {
    }

    /** A target spec: {@code id@group} or {@code id@group#control}. */
    public static VigieConfig config(String... specs) {
        List<Target> targets = new ArrayList<>();
        for (String spec : specs) {
            String[] kindSplit = spec.split("#");
            String[] parts = kindSplit[0].split("@");
            TargetKind kind = kindSplit.length > 1 ? TargetKind.valueOf(kindSplit[1].toUpperCase()) : TargetKind.ENT;
            targets.add(new Target(parts[0], parts[0], kind, "Région", List.of(), "C", "Vendor",
                    parts.length > 1 ? parts[1] : null, "http://127.0.0.1:1", "ent", Optional.empty(), "default",
                    List.of(), Map.of()));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            steps.add(new Step(STEPS.get(i), KINDS.get(i), "/" + STEPS.get(i), null, null, true, Map.of(),
                    Step.Expect.none(), Map.of(), false));
        }
        Site site = new Site("Vigie", "http://127.0.0.1:8080", Path.of("site"), List.of("fr", "en"),
                ZoneId.of("Europe/Paris"), "127.0.0.1:8080", "http://127.0.0.1/contact");
        return new VigieConfig(site, new StorageConfig(StorageConfig.Type.EMBEDDED, Path.of("vigie.db"), null, null,
                Duration.ofDays(7), null, null), new Vantage("test", "Test"), null, Map.of(), Map.of(), List.of(),
                Map.of("ent", new Journey("ent", "test journey", steps)), targets,
                new ClassifierConfig(2, 3, Duration.ofMinutes(10), 3.0), AlertsConfig.none());
    }

    /** The sections of {@code c} the aggregator is made from, as the application hands them out. */
    public static AggregatorSections sections(VigieConfig c) {
        return new AggregatorSections(c.site(), c.storage(), c.targets(), c.journeys(), c.hostingGroups(),
                c.classifier(), c.probing(), c.calendars(), c.schoolCalendar(), c.maintenance());
    }

    /** The same configuration with other classifier settings. */
    public static VigieConfig withClassifier(VigieConfig c, ClassifierConfig classifier) {
        return new VigieConfig(c.site(), c.storage(), c.vantage(), c.probing(), c.schedules(), c.calendars(),
                c.maintenance(), c.journeys(), c.targets(), classifier, c.alerts());
    }
}
