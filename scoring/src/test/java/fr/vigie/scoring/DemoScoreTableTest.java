package fr.vigie.scoring;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoScoreTableTest {
    private static final Instant T0 = Instant.parse("2021-04-06T06:00:00Z");

    /** The demo's situation: 12 segments, two network alarms with no truth, no alarm on a fault-free service. */
    private static ScoreReport report() {
        List<CauseScore> rows = List.of(new CauseScore("saturation", 10, 10, 10, 10),
                new CauseScore("attack", 1, 1, 1, 1), new CauseScore("storage", 1, 1, 1, 1),
                new CauseScore("network", 0, 0, 2, 0));
        return new ScoreReport(T0, T0.plusSeconds(600), 33, rows, 0.74, List.of(Duration.ofSeconds(31)),
                List.of(Duration.ofSeconds(32)), List.of(), 0, Duration.ofMinutes(143), 0, 12);
    }

    /** The same with one segment whose cause was never named, so that every kind of line is printed. */
    private static ScoreReport reportWithAMiss() {
        List<CauseScore> rows = List.of(new CauseScore("saturation", 10, 9, 9, 9));
        return new ScoreReport(T0, T0.plusSeconds(600), 33, rows, 0.95, List.of(Duration.ofSeconds(31)),
                List.of(Duration.ofSeconds(32)),
                List.of(new TruthSegment("ent77", "saturation", T0.plusSeconds(60), T0.plusSeconds(200))), 0,
                Duration.ofMinutes(143), 1, 10);
    }

    private static IncidentEvent event(String id, long seq, int at, IncidentEvent.Type type, Status status,
                                       Cause cause, List<String> targets) {
        return new IncidentEvent(id, seq, T0.plusSeconds(at), type, status, cause, targets, List.of(), null, "vigie");
    }

    /**
     * The demo's morning as the incident manager tells it: ten saturated ENTs of one host grow one incident (opened
     * with one, told of each new one, resolved with no target list), one attacked and one storage incident of their
     * own, and an incident blamed on Vigie's own vantage, which the page never shows.
     */
    private static List<Incident> incidents() {
        List<IncidentEvent> host = new ArrayList<>();
        String hostId = "2021-04-06-hosting-ovh-sbg-1";
        host.add(event(hostId, 1, 30, IncidentEvent.Type.OPENED, Status.MAJOR_OUTAGE, Cause.SATURATION,
                List.of("ent01")));
        for (int n = 2; n <= 10; n++) {
            List<String> so = IntStream.rangeClosed(1, n).mapToObj(i -> String.format("ent%02d", i)).toList();
            host.add(event(hostId, n, 30 + n, IncidentEvent.Type.TARGETS_CHANGED, null, null, so));
        }
        host.add(event(hostId, 11, 400, IncidentEvent.Type.RESOLVED, Status.OPERATIONAL, null, List.of()));
        Incident cned = Incident.fold("target:cned", List.of(
                event("2021-04-06-target-cned-1", 12, 100, IncidentEvent.Type.OPENED, Status.MAJOR_OUTAGE,
                        Cause.ATTACK, List.of("cned"))));
        Incident storage = Incident.fold("target:ent-ge", List.of(
                event("2021-04-06-target-ent-ge-1", 13, 120, IncidentEvent.Type.OPENED, Status.PARTIAL_OUTAGE,
                        Cause.STORAGE, List.of("ent-ge")),
                event("2021-04-06-target-ent-ge-1", 14, 300, IncidentEvent.Type.RESOLVED, Status.OPERATIONAL,
                        null, List.of())));
        Incident vantage = Incident.fold("vantage", List.of(
                event("2021-04-06-vantage-1", 15, 200, IncidentEvent.Type.OPENED, Status.OPERATIONAL,
                        Cause.VANTAGE, List.of("ent01", "cned", "service-public"))));
        return List.of(Incident.fold("hosting:ovh-sbg", host), cned, storage, vantage);
    }

    private static String table() {
        return DemoScoreTable.render(report(), incidents());
    }

    @Test
    void headingsColumnsAndCausesAreFrench() {
        String table = table();
        assertTrue(table.contains("segments détectés  rappel  alertes   justes précision"), table);
        assertTrue(table.contains("\nattaque "), table);
        assertTrue(table.contains("\nstockage "), table);
        assertTrue(table.contains("\nréseau/hébergement "), table);
        for (String english : List.of("truth", "recall", "alarms", "correct", "attack", "storage", "network",
                "false alarms", "detection delay", "flaps", "incidents:", "resolved", "open")) {
            assertFalse(table.contains(english), english + " in\n" + table);
        }
    }

    @Test
    void falseAlarmsAndWrongCauseAlarmsAreNamedApartAndCounted() {
        String table = table();
        assertTrue(table.contains("fausses alertes (service sans panne injectée) : 0 sur 2.38 heures-service"), table);
        assertTrue(table.contains("alertes sans segment de même cause (cause erronée, ou alerte hors panne) : 2\n"),
                table);
        assertTrue(table.contains("segments de panne (un par service et par panne injectée) : 12\n"), table);
    }

    private static final String INCIDENTS =
            "incidents publiés sur la page (un par hébergement touché, ou par service sans hébergement connu) : ";

    @Test
    void theIncidentCountIsThePagesPublicIncidentsEachListedWithItsServices() {
        String table = table();
        // 4 incidents in the run, 3 on the page: the vantage one is not public (as the site's PublicState filters)
        assertEquals(3, incidents().stream().filter(Incident::isPublic).count());
        assertTrue(table.contains("\n" + INCIDENTS + "3\n"), table);
        assertTrue(table.contains("\n  2021-04-06-hosting-ovh-sbg-1 : saturation, 10 services\n"), table);
        assertTrue(table.contains("\n  2021-04-06-target-cned-1 : attaque, 1 service, en cours\n"), table);
        assertTrue(table.contains("\n  2021-04-06-target-ent-ge-1 : stockage, 1 service\n"), table);
        assertFalse(table.contains("vantage-1"), table);
        // the 12 the old table called incidents are segments, and said so
        assertFalse(table.contains(INCIDENTS + "12"), table);
    }

    @Test
    void aLongRunListsTwentyIncidentsAndCountsTheRest() {
        List<Incident> many = IntStream.rangeClosed(1, 25).mapToObj(n -> Incident.fold("target:t" + n, List.of(
                event("i" + n, n, n, IncidentEvent.Type.OPENED, Status.MAJOR_OUTAGE, Cause.UNKNOWN,
                        List.of("t" + n))))).toList();
        String table = DemoScoreTable.render(report(), many);
        assertTrue(table.contains(" : 25\n"), table);
        assertTrue(table.contains("\n  i20 : cause en cours d'analyse, 1 service, en cours\n"), table);
        assertFalse(table.contains("\n  i21 "), table);
        assertTrue(table.contains("\n  … et 5 autres\n"), table);
    }

    @Test
    void legendExplainsEveryColumnAndEveryLine() {
        String plain = table();
        String withMiss = DemoScoreTable.render(reportWithAMiss(), incidents());
        assertFalse(plain.contains("\nmanqué : "), plain);
        assertTrue(withMiss.contains("\nmanqué : ent77 saturation "), withMiss);
        for (String table : List.of(plain, withMiss)) {
            int legendAt = table.indexOf("Légende :");
            assertTrue(legendAt > table.indexOf("oscillations :"), table);
            String legend = table.substring(legendAt);
            for (String term : List.of("segments :", "détectés :", "rappel :", "alertes :", "justes :",
                    "précision :", "F1 :")) {
                assertTrue(legend.contains(term), term + " missing from legend\n" + table);
            }
            String[] lines = table.substring(0, legendAt).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                String term;
                if (i == 0) {
                    assertTrue(line.matches("\\d+ services évalués sur .*"), line);
                    term = "services évalués :";
                } else if (i == 1 || line.startsWith("  ")) {
                    continue; // the column headings (checked above), the incidents listed under their count
                } else if (!line.contains(" : ")) {
                    term = "une ligne par cause"; // a cause row
                } else {
                    String label = line.substring(0, line.indexOf(" : "));
                    term = (legend.contains(label + " :") ? label : label.replaceAll(" \\(.*\\)$", "")) + " :";
                }
                assertTrue(legend.contains(term), "line '" + line + "' is not explained: no '" + term
                        + "' in the legend\n" + table);
            }
        }
    }

    @Test
    void englishRenderIsUnchanged() {
        String english = report().render();
        assertTrue(english.contains("false alarms: 0 on 2.38 fault-free target-hours"), english);
        assertEquals(-1, english.indexOf("Légende"));
    }
}
