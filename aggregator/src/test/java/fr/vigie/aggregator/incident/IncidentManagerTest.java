package fr.vigie.aggregator.incident;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.TestConfigs;
import fr.vigie.aggregator.Verdict;
import fr.vigie.aggregator.store.MemoryStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A cause under analysis ({@link Cause#UNKNOWN}) keeps one incident per scope, which takes the cause once known. */
class IncidentManagerTest {
    private static final Instant T0 = Instant.parse("2021-04-06T06:00:00Z");
    private final MemoryStore store = new MemoryStore(false);
    private final IncidentManager manager = new IncidentManager(
            TestConfigs.sections(TestConfigs.config("ent-a@hostX", "ent-b@hostX", "ent-c@hostX")), store);

    private static Verdict verdict(int second, String target, Cause cause) {
        return new Verdict(T0.plusSeconds(second), target, Status.MAJOR_OUTAGE, cause,
                cause == Cause.UNKNOWN ? Set.of() : Set.of(cause), 0.4,
                List.of(new Evidence("seules les écritures échouent", "only writes fail")), null);
    }

    @Test
    void aCauseUnderAnalysisBecomesTheIncidentsCauseWithoutSplittingOrRenamingIt() {
        String id = manager.apply(verdict(0, "ent-a", Cause.UNKNOWN)).incident();
        assertThat(manager.apply(verdict(5, "ent-b", Cause.UNKNOWN)).incident()).isEqualTo(id);
        assertThat(manager.incident(id).orElseThrow().cause()).isEqualTo(Cause.UNKNOWN);

        // ent-a's cause becomes known: the whole two-target incident takes it, under the same id.
        IncidentManager.Applied known = manager.apply(verdict(10, "ent-a", Cause.SATURATION));
        assertThat(known.incident()).isEqualTo(id);
        assertThat(known.changes()).extracting(c -> c.event().type()).containsExactly(IncidentEvent.Type.CAUSE_CHANGED);
        // ent-b still says "under analysis": that does not contradict the incident, it stays in it.
        assertThat(manager.apply(verdict(15, "ent-b", Cause.UNKNOWN)).incident()).isEqualTo(id);
        // A third target under analysis joins the open incident of its hosting group rather than opening another.
        assertThat(manager.apply(verdict(20, "ent-c", Cause.UNKNOWN)).incident()).isEqualTo(id);

        Incident incident = manager.incident(id).orElseThrow();
        assertThat(incident.cause()).isEqualTo(Cause.SATURATION);
        assertThat(incident.targets()).containsExactly("ent-a", "ent-b", "ent-c");
        assertThat(manager.incidents()).hasSize(1);
        assertThat(incident.updates()).extracting(IncidentEvent::type).doesNotContain(IncidentEvent.Type.RESOLVED);
        assertThat(incident.updates().get(0).message()).isEqualTo("cause en cours d'analyse sur 1 ENT hébergé par hostX");
    }

    @Test
    void summariesNameTheHostingGroupByItsReadableName() {
        fr.vigie.config.VigieConfig base = TestConfigs.config("ent-a@ovh-sbg", "ent-b@ovh-sbg");
        fr.vigie.config.VigieConfig named = new fr.vigie.config.VigieConfig(base.site(), base.storage(), base.vantage(),
                base.probing(), base.schedules(), base.calendars(), base.maintenance(), base.journeys(), base.targets(),
                base.classifier(), base.alerts(),
                java.util.Map.of("ovh-sbg", new fr.vigie.config.HostingGroup("ovh-sbg", "OVHcloud Strasbourg")));
        IncidentManager incidents = new IncidentManager(TestConfigs.sections(named), new MemoryStore(false));
        incidents.apply(verdict(0, "ent-a", Cause.SATURATION));
        IncidentManager.Applied joined = incidents.apply(verdict(5, "ent-b", Cause.SATURATION));
        assertThat(joined.changes().get(0).event().message())
                .isEqualTo("saturation sur 2 ENT hébergés par OVHcloud Strasbourg").doesNotContain("ovh-sbg");
    }

    @Test
    void theStateIsRebuiltIdenticallyFromTheLog() {
        manager.apply(verdict(0, "ent-a", Cause.UNKNOWN));
        manager.apply(verdict(5, "ent-b", Cause.UNKNOWN));
        manager.apply(verdict(10, "ent-a", Cause.SATURATION));
        IncidentManager rebuilt = new IncidentManager(
                TestConfigs.sections(TestConfigs.config("ent-a@hostX", "ent-b@hostX", "ent-c@hostX")), store);
        assertThat(rebuilt.incidents()).isEqualTo(manager.incidents());
        assertThat(rebuilt.apply(verdict(15, "ent-c", Cause.SATURATION)).incident())
                .isEqualTo(manager.incidents().get(0).id());
    }
}
