package fr.vigie.alerts;

import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.content.FrenchText;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.alerts.support.Await;
import fr.vigie.alerts.support.Harness;
import fr.vigie.alerts.support.TestConfigs;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headroom forecast's alert (forecast.saturation_risk): routed like a saturation of the service, signed and
 * delivered to a real webhook receiver, once per service and morning, saying it is a forecast.
 */
class ForecastAlertTest {
    @TempDir
    Path dir;

    @Test
    void theCrisisCellIsToldTheDayBeforeOncePerServiceAndMorning() throws Exception {
        try (Harness h = Harness.start(dir, List.of(RoutingTest.IDF_ENT), List.of())) {
            LocalDate monday = LocalDate.of(2026, 3, 23);
            String headline = "risque élevé de saturation lundi 8:00";
            String evidence = "à 7:55 le vendredi 20 mars, la connexion prenait déjà 3,1 s contre 0,6 s en période calme";
            String uncertainty = "Ceci est une prévision statistique, pas une mesure : probabilité estimée 72 %.";
            h.service.dispatcher().forecast("ent-idf", monday, headline, evidence, uncertainty).get();
            h.service.dispatcher().forecast("ent-idf", monday, headline, evidence, uncertainty).get(); // recomputed
            List<OutboxEntry> queued = h.outbox();
            assertThat(queued).extracting(OutboxEntry::receiver).containsExactly("slack-idf");
            assertThat(queued.get(0).alert().kind()).isEqualTo(AlertKind.FORECAST);
            Await.until("slack got it", Duration.ofSeconds(5), () -> h.slack.accepted().size() == 1);
            JsonObject payload = new JsonObject(h.slack.accepted().get(0).body());
            assertThat(payload.encode()).contains("Prévision : risque élevé de saturation lundi 8:00", "3,1 s",
                    "prévision statistique, pas une mesure");

            FrenchText text = new FrenchText(ZoneId.of("Europe/Paris"));
            assertThat(text.subject(queued.get(0).alert()))
                    .startsWith("[Vigie] Prévision : risque élevé de saturation lundi 8:00 — ");
            assertThat(text.plain(queued.get(0).alert())).contains("Incertitude : Ceci est une prévision statistique")
                    .doesNotContain("Cause probable", "Début");

            // another morning is another notification; a service outside the route goes to the default receivers
            h.service.dispatcher().forecast("ent-idf", monday.plusDays(1), headline, evidence, uncertainty).get();
            assertThat(h.outbox()).hasSize(2);
        }
    }

    @Test
    void theEventTypeIsDocumentedAndStable() {
        assertThat(AlertKind.FORECAST.type()).isEqualTo("forecast.saturation_risk");
        assertThat(TestConfigs.targets()).extracting(t -> t.id()).contains("ent-idf");
    }
}
