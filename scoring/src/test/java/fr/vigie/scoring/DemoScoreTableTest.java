package fr.vigie.scoring;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    @Test
    void headingsColumnsAndCausesAreFrench() {
        String table = DemoScoreTable.render(report());
        assertTrue(table.contains("segments détectés  rappel  alertes   justes précision"), table);
        assertTrue(table.contains("\nattaque "), table);
        assertTrue(table.contains("\nstockage "), table);
        assertTrue(table.contains("\nréseau/hébergement "), table);
        for (String english : List.of("truth", "recall", "alarms", "correct", "attack", "storage", "network",
                "false alarms", "detection delay", "flaps")) {
            assertFalse(table.contains(english), english + " in\n" + table);
        }
    }

    @Test
    void falseAlarmsAndWrongCauseAlarmsAreNamedApartAndCounted() {
        String table = DemoScoreTable.render(report());
        assertTrue(table.contains("fausses alertes (service sans panne injectée) : 0 sur 2.38 heures-service"), table);
        assertTrue(table.contains("alertes sans segment de même cause (cause erronée, ou alerte hors panne) : 2\n"),
                table);
        assertTrue(table.contains("segments de panne (un par service et par panne injectée) : 12\n"), table);
    }

    @Test
    void legendExplainsEveryColumn() {
        String table = DemoScoreTable.render(report());
        int legend = table.indexOf("Légende :");
        assertTrue(legend > table.indexOf("oscillations :"), table);
        for (String term : List.of("segments :", "détectés :", "rappel :", "alertes :", "justes :", "précision :",
                "F1 :", "macro-F1 :", "fausses alertes :", "oscillations :")) {
            assertTrue(table.indexOf(term, legend) > 0, term + " missing from legend\n" + table);
        }
    }

    @Test
    void englishRenderIsUnchanged() {
        String english = report().render();
        assertTrue(english.contains("false alarms: 0 on 2.38 fault-free target-hours"), english);
        assertEquals(-1, english.indexOf("Légende"));
    }
}
