package fr.vigie.alerts.content;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The French wording: local time, resolved and internal alerts, HTML escaping, JSON round trip. */
class FrenchTextTest {
    private final FrenchText text = new FrenchText(ZoneId.of("Europe/Paris"));
    private final Instant start = Instant.parse("2026-07-01T06:30:00Z");

    private Alert alert(AlertKind kind, String message) {
        return new Alert("k", kind, "inc", 3, "target:x", Status.PARTIAL_OUTAGE, Cause.ATTACK,
                List.of(new ServiceRef("x", "ENT <Auvergne> & Rhône")), List.of("1 200 requêtes/s, 40 fois l'habitude"),
                start, kind == AlertKind.RESOLVED ? start.plusSeconds(5400) : null, start, "https://v.example/incidents/inc/",
                message);
    }

    @Test
    void resolvedSaysSoWithStartAndEndInLocalSummerTime() {
        String plain = text.plain(alert(AlertKind.RESOLVED, null));
        assertThat(plain).startsWith("[Vigie] Incident résolu — ENT <Auvergne> & Rhône — cause probable : attaque probable")
                .contains("État : Résolu", "Début : 1 juillet 2026 à 08h30 (Europe/Paris)",
                        "Fin : 1 juillet 2026 à 10h00 (Europe/Paris)");
    }

    @Test
    void aCauseBelowTheConfidenceBarIsUnderAnalysisNotNamed() {
        Alert a = new Alert("k", AlertKind.OPENED, "inc", 3, "target:x", Status.PARTIAL_OUTAGE, Cause.UNKNOWN,
                List.of(new ServiceRef("x", "ENT77")), List.of("seules les écritures échouent"), start, null, start,
                null, null);
        assertThat(text.subject(a)).isEqualTo("[Vigie] Incident ouvert : Panne partielle — ENT77 — cause en cours d'analyse");
        assertThat(text.plain(a)).contains("Cause : en cours d'analyse").doesNotContain("Cause probable")
                .doesNotContain("indéterminée");
    }

    @Test
    void internalAlertsLeadWithTheirMessage() {
        Alert a = new Alert("internal:x", AlertKind.INTERNAL, null, 0, "internal", null, null, List.of(), List.of(),
                start, null, start, null, "Le destinataire « crise » ne reçoit plus les alertes.\nDétail");
        assertThat(text.subject(a)).isEqualTo("[Vigie] Alerte interne : Le destinataire « crise » ne reçoit plus les alertes.");
        assertThat(text.plain(a)).contains("Détail").doesNotContain("Cause probable");
    }

    @Test
    void htmlEscapesEveryValue() {
        String html = text.html(alert(AlertKind.OPENED, "mise à jour <b>cellule</b>"));
        assertThat(html).contains("ENT &lt;Auvergne&gt; &amp; Rhône", "mise à jour &lt;b&gt;cellule&lt;/b&gt;",
                "<a href=\"https://v.example/incidents/inc/\">").doesNotContain("<Auvergne>");
    }

    @Test
    void quotesInALinkCannotLeaveItsHrefAttribute() {
        String hostile = "https://v.example/\" onmouseover=\"alert(1)\" x='y";
        Alert a = new Alert("k", AlertKind.OPENED, "inc", 3, "target:x", Status.PARTIAL_OUTAGE, Cause.ATTACK,
                List.of(new ServiceRef("x", "ENT")), List.of(), start, null, start, hostile, null);
        String html = text.html(a);
        assertThat(html).contains("&quot; onmouseover=&quot;alert(1)&quot; x=&#x27;y\">").doesNotContain("\" onmouseover");
        org.jsoup.nodes.Element link = org.jsoup.Jsoup.parseBodyFragment(html).selectFirst("a");
        assertThat(link.attributes().size()).isEqualTo(1);
        assertThat(link.attr("href")).isEqualTo(hostile);
    }

    @Test
    void alertsSurviveTheirJsonFormWithWireNames() {
        Alert a = alert(AlertKind.UPDATED, "x");
        String json = AlertJson.write(a);
        assertThat(json).contains("\"status\":\"partial_outage\"", "\"cause\":\"attack\"", "\"kind\":\"updated\"",
                "\"startedAt\":\"2026-07-01T06:30:00Z\"");
        assertThat(AlertJson.readAlert(json)).isEqualTo(a);
    }
}
