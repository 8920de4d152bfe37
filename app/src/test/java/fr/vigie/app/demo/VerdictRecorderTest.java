package fr.vigie.app.demo;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the demo's score table counts as the page's incidents comes from here: each incident once, in its last state. */
class VerdictRecorderTest {
    private static final Instant T0 = Instant.parse("2021-04-06T06:00:00Z");

    private static void tell(VerdictRecorder r, List<IncidentEvent> log, String scope, IncidentEvent e) {
        log.add(e);
        r.onIncidentEvent(e, Incident.fold(scope, log));
    }

    @Test
    void keepsEveryIncidentOnceInItsLastStateInTheOrderTheyOpened() {
        VerdictRecorder r = new VerdictRecorder();
        List<IncidentEvent> host = new ArrayList<>();
        List<IncidentEvent> vantage = new ArrayList<>();
        tell(r, host, "hosting:ovh-sbg", new IncidentEvent("h", 1, T0, IncidentEvent.Type.OPENED,
                Status.MAJOR_OUTAGE, Cause.SATURATION, List.of("ent01"), List.of(), null, "vigie"));
        tell(r, vantage, "vantage", new IncidentEvent("v", 2, T0.plusSeconds(5), IncidentEvent.Type.OPENED,
                Status.OPERATIONAL, Cause.VANTAGE, List.of("ent01", "cned"), List.of(), null, "vigie"));
        tell(r, host, "hosting:ovh-sbg", new IncidentEvent("h", 3, T0.plusSeconds(10),
                IncidentEvent.Type.TARGETS_CHANGED, null, null, List.of("ent01", "ent02"), List.of(), null, "vigie"));
        tell(r, host, "hosting:ovh-sbg", new IncidentEvent("h", 4, T0.plusSeconds(60), IncidentEvent.Type.RESOLVED,
                Status.OPERATIONAL, null, List.of(), List.of(), null, "vigie"));

        assertThat(r.incidents()).extracting(Incident::id).containsExactly("h", "v");
        Incident h = r.incidents().get(0);
        assertThat(h.open()).isFalse();
        assertThat(h.targets()).containsExactly("ent01", "ent02");
        assertThat(r.incidents()).filteredOn(Incident::isPublic).extracting(Incident::id).containsExactly("h");
    }
}
