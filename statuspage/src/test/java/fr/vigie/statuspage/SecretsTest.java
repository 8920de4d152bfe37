package fr.vigie.statuspage;

import fr.vigie.config.AlertsConfig;
import fr.vigie.config.Credentials;
import fr.vigie.config.Secret;
import fr.vigie.config.Target;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.output.SiteFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {
    private static final String PASSWORD = "s3cret-P4ssw0rd-ent";
    private static final String TOKEN = "admin-t0ken-xyz";
    private static final String WEBHOOK = "https://hooks.example.invalid/T000/B000/XXXXsecret";

    @Test
    void noSecretOfTheConfigurationAppearsInAnyGeneratedFile() {
        VigieConfig base = Fixtures.config();
        List<Target> targets = new ArrayList<>();
        for (Target t : base.targets()) {
            targets.add(new Target(t.id(), t.name(), t.kind(), t.region(), t.academies(), t.holidayZone(), t.vendor(),
                    t.hostingGroup(), t.baseUrl(), t.journey(), Optional.of(new Credentials(
                    Secret.of("env:ENT_USER", "eleve.test"), Secret.of("env:ENT_PASSWORD", PASSWORD))),
                    t.schedule(), t.tags(), t.vars()));
        }
        AlertsConfig alerts = new AlertsConfig(Map.of("cell", new AlertsConfig.Receiver("cell", "slack",
                Secret.of("env:SLACK", WEBHOOK), null, null, null, null, List.of())), List.of(), List.of("cell"),
                java.time.Duration.ofSeconds(30), java.time.Duration.ofHours(4),
                new AlertsConfig.AdminApi("127.0.0.1:8081", Secret.of("env:ADMIN", TOKEN)));
        VigieConfig config = new VigieConfig(base.site(), base.storage(), base.vantage(), base.probing(),
                base.schedules(), base.calendars(), base.maintenance(), base.journeys(), targets, base.classifier(),
                alerts);
        SiteFiles files = new SiteGenerator(config).render(Fixtures.crisis());
        assertThat(files.all()).isNotEmpty();
        files.all().forEach((path, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path)
                .doesNotContain(PASSWORD, TOKEN, WEBHOOK, "eleve.test", "******"));
    }
}
