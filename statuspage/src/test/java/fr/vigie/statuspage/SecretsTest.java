package fr.vigie.statuspage;

import fr.vigie.config.AlertsConfig;
import fr.vigie.config.Credentials;
import fr.vigie.config.Journey;
import fr.vigie.config.Secret;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.config.StorageConfig;
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
    private static final String URL_PASSWORD = "url-pa55-in-base";
    private static final String URL_TOKEN = "url-t0ken-query";
    private static final String VAR_TICKET = "var-t1cket";
    private static final String STORE_PASSWORD = "influx-pa55";

    @Test
    void noSecretOfTheConfigurationAppearsInAnyGeneratedFile() {
        VigieConfig base = Fixtures.config();
        List<Target> targets = new ArrayList<>();
        for (Target t : base.targets()) {
            // a base URL carrying user info and a token, and a journey variable: only the host may be shown
            targets.add(new Target(t.id(), t.name(), t.kind(), t.region(), t.academies(), t.holidayZone(), t.vendor(),
                    t.hostingGroup(), "https://eleve.test:" + URL_PASSWORD + "@" + t.id() + ".example.fr/cas?jeton="
                    + URL_TOKEN, t.journey(), Optional.of(new Credentials(
                    Secret.of("env:ENT_USER", "eleve.test"), Secret.of("env:ENT_PASSWORD", PASSWORD))),
                    t.schedule(), t.tags(), Map.of("service", "https://portail.example.fr/?ticket=" + VAR_TICKET)));
        }
        AlertsConfig alerts = new AlertsConfig(Map.of("cell", new AlertsConfig.Receiver("cell", "slack",
                Secret.of("env:SLACK", WEBHOOK), null, null, null, null, List.of())), List.of(), List.of("cell"),
                java.time.Duration.ofSeconds(30), java.time.Duration.ofHours(4),
                new AlertsConfig.AdminApi("127.0.0.1:8081", Secret.of("env:ADMIN", TOKEN)));
        StorageConfig storage = new StorageConfig(StorageConfig.Type.INFLUXDB, base.storage().path(),
                "http://127.0.0.1:8086", "vigie", base.storage().retention(), Secret.of("env:INFLUX_USER", "vigie"),
                Secret.of("env:INFLUX_PASSWORD", STORE_PASSWORD));
        VigieConfig config = new VigieConfig(base.site(), storage, base.vantage(), base.probing(),
                base.schedules(), base.calendars(), base.maintenance(), Map.of("journey", new Journey("journey", null,
                        List.of(new Step("login", StepKind.LOGIN, "/login?user={{credentials.username}}", null, null,
                                true, Map.of(), null, Map.of(), true)))), targets, base.classifier(),
                alerts);
        // With incident reports, from a store whose results name the full URL in their detail (they never should).
        fr.vigie.aggregator.store.MemoryStore store = new fr.vigie.aggregator.store.MemoryStore(true);
        java.time.Instant at = java.time.Instant.parse("2021-03-15T07:30:00Z");
        store.appendResults(List.of(new fr.vigie.probes.StepResult(at, at, "mbn", "paris-1", "journey", "r1", "login",
                StepKind.LOGIN, fr.vigie.probes.Outcome.HTTP_ERROR, 500, null, 1.0, 1.0, null, 10.0, 20.0, 10, false,
                null, null, targets.get(3).baseUrl())));
        SiteFiles files = SiteGenerator.withReports(Fixtures.sections(config), store).render(Fixtures.crisis());
        assertThat(files.all()).isNotEmpty().containsKeys("a-propos/index.html", "en/a-propos/index.html",
                "incidents/2021-03-15-mbn-storage-1/report.pdf");
        files.all().forEach((path, bytes) -> assertThat(path.endsWith(".pdf") ? pdfText(bytes)
                        : new String(bytes, StandardCharsets.UTF_8)).as(path)
                .doesNotContain(PASSWORD, TOKEN, WEBHOOK, "eleve.test", "******", URL_PASSWORD, URL_TOKEN, VAR_TICKET,
                        STORE_PASSWORD, "env:"));
        // the about page does list the services, by host only
        assertThat(new String(files.get("a-propos/index.html"), StandardCharsets.UTF_8))
                .contains("ent-idf.example.fr", "avec connexion d&#39;un compte de test");
    }

    private static String pdfText(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).containsAnyOf("Rapport d'incident", "Incident report");
            return text;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
