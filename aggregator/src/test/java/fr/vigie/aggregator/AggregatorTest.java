package fr.vigie.aggregator;

import fr.vigie.aggregator.incident.IncidentManager;
import fr.vigie.aggregator.replay.ReplayClassifier;
import fr.vigie.aggregator.store.SqliteStore;
import fr.vigie.aggregator.store.Store;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The facade over a real SQLite store: live equals replay, restart rebuilds the same state, crisis-cell updates. */
class AggregatorTest {
    static final Instant START = Instant.parse("2021-03-16T09:00:00Z");
    private final List<String> targets = List.of("ent-a", "ent-b", "ent-c", "ent-d");
    private final VigieConfig config = TestConfigs.config("ent-a@hostX", "ent-b@hostX", "ent-c@hostX", "ent-d@hostY");
    private final AggregatorSections sections = TestConfigs.sections(config);
    private final TraceScenario scenario = new TraceScenario(targets, START, Duration.ofSeconds(30));

    @TempDir
    Path dir;

    /** Host X saturates then recovers; ent-d's disk fills and stays full. */
    private List<StepResult> trace() {
        List<StepResult> all = new ArrayList<>(scenario.rounds(0, 20, (t, k, s, r) -> r));
        all.addAll(scenario.rounds(20, 40, (t, k, i, r) -> {
            if (t.equals("ent-d")) {
                return i == 4 ? TraceScenario.with(r, Outcome.SIGNATURE, 507, "disk_full", r.connectMs(), 40.0) : r;
            }
            return k < 30 && !TraceScenario.isStatic(r) ? TraceScenario.slower(r, 10) : r;
        }));
        return all;
    }

    /** Records what listeners are told, in order. */
    static final class Recorder implements AggregatorListener {
        final List<Object> calls = new ArrayList<>();

        @Override
        public void onVerdict(Verdict verdict) {
            calls.add(verdict);
        }

        @Override
        public void onIncidentEvent(IncidentEvent event, Incident state) {
            calls.add(event);
        }

        List<Verdict> verdicts() {
            return calls.stream().filter(Verdict.class::isInstance).map(Verdict.class::cast).toList();
        }
    }

    @Test
    void liveOverSqliteGivesTheSameVerdictsAsReplay() throws Exception {
        List<StepResult> trace = trace();
        ReplayClassifier.Summary replayed = ReplayClassifier.replay(sections, trace.iterator(), new StringWriter());

        Recorder live = new Recorder();
        try (Store store = new SqliteStore(dir.resolve("live.db"))) {
            Aggregator aggregator = new Aggregator(sections, store);
            aggregator.addListener(live);
            trace.forEach(aggregator::accept);
            aggregator.closeOpenRounds();
            assertThat(store.verdicts("ent-d", Instant.EPOCH, START.plus(Duration.ofDays(1))))
                    .containsExactlyElementsOf(live.verdicts().stream().filter(v -> v.target().equals("ent-d")).toList());
        }
        assertThat(live.verdicts()).isEqualTo(replayed.verdicts());
        assertThat(live.verdicts()).extracting(Verdict::cause).contains(Cause.SATURATION, Cause.STORAGE);
    }

    @Test
    void listenersHearEveryEventAfterItIsStoredAndInSequence() {
        Recorder recorder = new Recorder();
        try (Store store = new SqliteStore(dir.resolve("order.db"))) {
            Aggregator aggregator = new Aggregator(sections, store);
            aggregator.addListener(new AggregatorListener() {
                @Override
                public void onIncidentEvent(IncidentEvent event, Incident state) {
                    assertThat(store.incidentEvents()).contains(event);
                    assertThat(state.id()).isEqualTo(event.incidentId());
                }
            });
            aggregator.addListener(recorder);
            trace().forEach(aggregator::accept);
        }
        List<Long> seqs = recorder.calls.stream().filter(IncidentEvent.class::isInstance)
                .map(e -> ((IncidentEvent) e).seq()).toList();
        assertThat(seqs).isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(seqs.get(0)).isEqualTo(1L);
    }

    @Test
    void restartRebuildsTheSameIncidentsAndCarriesOnWithoutReopening() {
        Path file = dir.resolve("restart.db");
        List<StepResult> trace = trace();
        List<Incident> before;
        Map<String, Verdict> currentBefore;
        try (Store store = new SqliteStore(file)) {
            Aggregator aggregator = new Aggregator(sections, store);
            trace.subList(0, trace.size() - 40).forEach(aggregator::accept);
            before = aggregator.incidents();
            currentBefore = aggregator.current();
        }
        assertThat(before).anySatisfy(i -> assertThat(i.open()).isTrue());
        try (Store store = new SqliteStore(file)) {
            assertThat(new IncidentManager(sections, store).incidents()).isEqualTo(before);
            Aggregator again = new Aggregator(sections, store);
            assertThat(again.incidents()).isEqualTo(before);
            Recorder recorder = new Recorder();
            again.addListener(recorder);
            trace.subList(trace.size() - 40, trace.size()).forEach(again::accept);
            // ent-d's storage fault goes on: no new verdict, no second incident.
            assertThat(recorder.verdicts()).noneMatch(v -> v.target().equals("ent-d"));
            assertThat(again.incidents()).filteredOn(i -> i.cause() == Cause.STORAGE).hasSize(1);
            assertThat(again.current().get("ent-d").cause()).isEqualTo(currentBefore.get("ent-d").cause());
        }
    }

    @Test
    void crisisCellUpdateOverridesCauseAndSurvivesRestart() {
        Path file = dir.resolve("human.db");
        String id;
        try (Store store = new SqliteStore(file)) {
            Aggregator aggregator = new Aggregator(sections, store);
            Recorder recorder = new Recorder();
            trace().forEach(aggregator::accept);
            aggregator.addListener(recorder);
            id = aggregator.current().get("ent-d").incident();
            IncidentEvent e = aggregator.postUpdate(id, "Cellule de crise", "L'hébergeur remplace un disque.",
                    Optional.of(Status.MAJOR_OUTAGE), Optional.of(Cause.STORAGE));
            assertThat(e.type()).isEqualTo(IncidentEvent.Type.HUMAN_UPDATE);
            assertThat(recorder.calls).containsExactly(e);
        }
        try (Store store = new SqliteStore(file)) {
            Incident i = new Aggregator(sections, store).incidents().stream().filter(x -> x.id().equals(id))
                    .findFirst().orElseThrow();
            assertThat(i.status()).isEqualTo(Status.MAJOR_OUTAGE);
            assertThat(i.updates()).last().satisfies(u -> {
                assertThat(u.author()).isEqualTo("Cellule de crise");
                assertThat(u.message()).isEqualTo("L'hébergeur remplace un disque.");
            });
        }
    }

    @Test
    void snapshotHasCurrentVerdictsHistoryAndLatency() {
        try (Store store = new SqliteStore(dir.resolve("snap.db"))) {
            Aggregator aggregator = new Aggregator(sections, store);
            trace().forEach(aggregator::accept);
            Instant now = START.plus(Duration.ofMinutes(30));
            StatusSnapshot s = aggregator.snapshots().snapshot(now);

            assertThat(s.current()).containsKeys("ent-a", "ent-d");
            assertThat(s.current().get("ent-d").status()).isEqualTo(Status.PARTIAL_OUTAGE);
            assertThat(s.vantageImpaired()).isFalse();
            assertThat(s.vantages()).isEqualTo(1);
            assertThat(s.lastRound()).isAfter(START);
            assertThat(s.incidents()).isNotEmpty();
            List<DayStatus> history = s.history().get("ent-d");
            assertThat(history).hasSize(90);
            DayStatus today = history.get(89);
            assertThat(today.date()).isEqualTo(java.time.LocalDate.of(2021, 3, 16));
            assertThat(today.worst()).isEqualTo(Status.PARTIAL_OUTAGE);
            assertThat(today.uptime()).isBetween(0.3, 0.9);
            assertThat(history.get(0).uptime()).isNaN();
            List<LatencyPoint> day = s.latency24h().get("ent-a");
            assertThat(day).hasSize(24);
            LatencyPoint latest = day.get(23);
            assertThat(latest.medianMs()).isBetween(500.0, 20_000.0);
            assertThat(latest.p95Ms()).isGreaterThanOrEqualTo(latest.medianMs());
            assertThat(s.latency7d().get("ent-a")).hasSize(28);
        }
    }

    /**
     * A round is judged when its journey's last step arrives, not when the next round begins, from the very first
     * round: the classifier knows each target's journey length before it has seen a run. Broken once when the
     * aggregator's sections left the journeys out (the first round of each target then waited for the second).
     */
    @Test
    void theFirstRoundIsJudgedOnItsLastStepNotOnTheNextRound() {
        List<StepResult> first = scenario.rounds(0, 1, (t, k, s, r) -> r);
        try (Store store = new SqliteStore(dir.resolve("rounds.db"))) {
            Aggregator aggregator = new Aggregator(sections, store);
            Recorder recorder = new Recorder();
            aggregator.addListener(recorder);
            first.forEach(aggregator::accept);
            // no closeOpenRounds: each target's round is complete, so it is judged already
            assertThat(recorder.verdicts()).extracting(Verdict::target).containsExactlyElementsOf(targets);
            for (Verdict v : recorder.verdicts()) {
                StepResult last = first.stream().filter(r -> r.target().equals(v.target())).reduce((x, y) -> y)
                        .orElseThrow();
                assertThat(v.ts()).isEqualTo(last.ts());
            }
        }
    }

    /**
     * The evidence the public reads names a hosting group by its readable name ({@code hosting-groups.<id>.name}),
     * as incident titles do, never by its configuration id.
     */
    @Test
    void evidenceNamesTheHostByItsReadableNameNotItsId() throws Exception {
        AggregatorSections named = new AggregatorSections(config.site(), config.storage(), config.targets(),
                config.journeys(), Map.of("hostX", new fr.vigie.config.HostingGroup("hostX", "Hébergeur X (Lyon)")),
                config.classifier(), config.probing(), config.calendars(), config.schoolCalendar(),
                config.maintenance());
        ReplayClassifier.Summary s = ReplayClassifier.replay(named, trace().iterator(), new StringWriter());
        List<String> words = new ArrayList<>();
        s.verdicts().forEach(v -> v.evidence().forEach(e -> words.addAll(List.of(e.fr(), e.en()))));
        s.incidents().forEach(i -> i.evidence().forEach(e -> words.addAll(List.of(e.fr(), e.en()))));
        assertThat(words).as("the host X episode is worded with its scope")
                .anyMatch(w -> w.contains("du même hébergeur (Hébergeur X (Lyon)) touchés"))
                .anyMatch(w -> w.contains("of the same host (Hébergeur X (Lyon)) affected"));
        assertThat(words).noneMatch(w -> w.contains("(hostX)"));
    }
}
