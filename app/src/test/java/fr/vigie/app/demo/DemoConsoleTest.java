package fr.vigie.app.demo;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's console speaks French: no wire code of a status, a cause or an incident event in what it prints. */
class DemoConsoleTest {
    private static final Instant AT = Instant.parse("2021-04-06T06:05:00Z");

    @Test
    void everyStatusCauseAndIncidentEventIsPrintedInFrenchWords() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoConsole console = new DemoConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                ZoneId.of("Europe/Paris"));
        int lines = 0;
        for (Status status : Status.values()) {
            if (status == Status.OPERATIONAL) continue; // a healthy first verdict is not printed
            for (Cause cause : Cause.values()) {
                console.onVerdict(new Verdict(AT, "ent-a", status, cause, Set.of(cause), 0.9, List.of(), null));
                lines++;
            }
        }
        for (IncidentEvent.Type type : IncidentEvent.Type.values()) {
            for (Cause cause : Cause.values()) {
                IncidentEvent e = new IncidentEvent("i-1", 1, AT, type, Status.MAJOR_OUTAGE, cause, List.of("ent-a"),
                        List.of(), null, "vigie");
                console.onIncidentEvent(e, new Incident("i-1", "hosting:h", Status.MAJOR_OUTAGE, cause,
                        List.of("ent-a"), List.of(), AT, AT, null, List.of(e)));
                lines++;
            }
        }

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(lines);
        assertThat(out).contains("Panne majeure", "cause probable : saturation (affluence)",
                "cause en cours d'analyse", "ouvert", "résolu");
        for (Status s : Status.values()) assertThat(out).doesNotContain(s.wire());
        for (IncidentEvent.Type t : IncidentEvent.Type.values()) {
            assertThat(out).doesNotContain(t.name().toLowerCase());
        }
        for (String code : List.of("attack", "storage", "network", "vantage", "unknown", "none")) {
            assertThat(out).doesNotContain(code);
        }
        assertThat(out).doesNotContain(": application").contains("erreur de l'application");
    }
}
