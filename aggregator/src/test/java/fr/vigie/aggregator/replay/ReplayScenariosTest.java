package fr.vigie.aggregator.replay;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.TestConfigs;
import fr.vigie.aggregator.TraceScenario;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Replays generated traces covering each cause, an ordinary rush, and a prober-side DNS loss. */
class ReplayScenariosTest {
    /** Tuesday 16 March 2021, 10:00 in Paris: a school day, outside the morning rush. */
    static final Instant MID_MORNING = Instant.parse("2021-03-16T09:00:00Z");
    static final int WARM = 20;
    static final int FAULT_END = 32;
    static final int END = 44;

    private final List<String> four = List.of("ent-a", "ent-b", "ent-c", "ent-d");
    private final VigieConfig config = TestConfigs.config("ent-a@hostX", "ent-b@hostX", "ent-c@hostX", "ent-d@hostY");
    private final TraceScenario scenario = new TraceScenario(four, MID_MORNING, Duration.ofSeconds(30));

    private ReplayClassifier.Summary replay(VigieConfig cfg, List<StepResult> trace) throws Exception {
        return ReplayClassifier.replay(TestConfigs.sections(cfg), trace.iterator(), new StringWriter());
    }

    private List<StepResult> trace(TraceScenario.Fault fault) {
        List<StepResult> all = new ArrayList<>(scenario.rounds(0, WARM, (t, k, s, r) -> r));
        all.addAll(scenario.rounds(WARM, FAULT_END, fault));
        all.addAll(scenario.rounds(FAULT_END, END, (t, k, s, r) -> r));
        return all;
    }

    private static List<Verdict> of(ReplayClassifier.Summary s, String target) {
        return s.verdicts().stream().filter(v -> v.target().equals(target)).toList();
    }

    private static Optional<Verdict> firstBad(ReplayClassifier.Summary s, String target) {
        return of(s, target).stream().filter(v -> v.status() != Status.OPERATIONAL).findFirst();
    }

    /** The first bad verdict that names a cause: the first may say "under analysis" until the neighbours report. */
    private static Optional<Verdict> firstNamed(ReplayClassifier.Summary s, String target) {
        return of(s, target).stream().filter(v -> v.status() != Status.OPERATIONAL && v.cause() != Cause.UNKNOWN)
                .findFirst();
    }

    /**
     * The cause is named within {@code rounds} rounds of the fault, and was never another one before. A cause that
     * rests on the neighbours' scope needs their second round (docs/classifier.md): one round after the status.
     */
    private void namedWithin(ReplayClassifier.Summary s, String target, Cause cause, int rounds) {
        Verdict v = firstNamed(s, target).orElseThrow();
        assertThat(v.cause()).as(target).isEqualTo(cause);
        assertThat(v.ts()).isBefore(scenario.roundStart(WARM + rounds));
    }

    private Instant detectedWithin(ReplayClassifier.Summary s, String target, int rounds) {
        Verdict v = firstBad(s, target).orElseThrow();
        assertThat(v.ts()).isBefore(scenario.roundStart(WARM + rounds));
        return v.ts();
    }

    private static String allFr(Verdict v) {
        return String.join(" ; ", v.evidence().stream().map(e -> e.fr()).toList());
    }

    @Test
    void hostingGroupSaturationIsOneIncidentWithQueueingEvidence() throws Exception {
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> {
            if (!t.equals("ent-d") && !TraceScenario.isStatic(r)) {
                // from 6 times the usual: the first round is already slow for a user (above 1 s), not only in ratio
                double factor = Math.min(14, 6 + 2 * (k - WARM));
                if (k >= WARM + 6 && i == 2) {
                    return TraceScenario.with(r, Outcome.SIGNATURE, 200, "waiting_room", r.connectMs(), 300.0);
                }
                return TraceScenario.slower(r, factor);
            }
            return r;
        }));

        Verdict bad = firstBad(s, "ent-a").orElseThrow();
        // The first service of the host judged in the first round sees its neighbours' results of that round only
        // afterwards: its first verdict may withhold the cause; it never names another one.
        assertThat(bad.cause()).isIn(Cause.SATURATION, Cause.UNKNOWN);
        namedWithin(s, "ent-a", Cause.SATURATION, 3);
        assertThat(bad.status()).isIn(Status.DEGRADED_PERFORMANCE, Status.PARTIAL_OUTAGE);
        detectedWithin(s, "ent-a", 2);
        Verdict last = of(s, "ent-c").stream().filter(v -> v.cause() == Cause.SATURATION).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(allFr(last)).contains("fois l'habitude").contains("connexion TCP normale")
                .contains("3 ENT du même hébergeur (hostX) touchés");
        assertThat(of(s, "ent-d")).isNotEmpty().allMatch(v -> v.status() == Status.OPERATIONAL);

        List<Incident> saturation = s.incidents().stream().filter(i -> i.cause() == Cause.SATURATION).toList();
        assertThat(saturation).hasSize(1);
        assertThat(saturation.get(0).scope()).isEqualTo("hosting:hostX");
        assertThat(saturation.get(0).updates().stream().flatMap(e -> e.targets().stream()).distinct())
                .containsExactlyInAnyOrder("ent-a", "ent-b", "ent-c");
        assertThat(saturation.get(0).open()).isFalse();
        assertThat(of(s, "ent-a").get(of(s, "ent-a").size() - 1).status()).isEqualTo(Status.OPERATIONAL);
    }

    @Test
    void challengePagesResetsAndSynRetransmissionsAreAnAttack() throws Exception {
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> {
            if (!t.equals("ent-b")) {
                return r;
            }
            return switch (i % 3) {
                case 0 -> TraceScenario.with(r, Outcome.SIGNATURE, 403, "waf_challenge", 1020.0, 40.0);
                case 1 -> TraceScenario.with(r, Outcome.RESET, null, null, 3030.0, null);
                default -> TraceScenario.with(r, Outcome.OK, 200, null, 1025.0, r.ttfbMs());
            };
        }));

        Verdict bad = firstBad(s, "ent-b").orElseThrow();
        assertThat(bad.cause()).isEqualTo(Cause.ATTACK);
        assertThat(bad.status().isOutage()).isTrue();
        assertThat(allFr(bad)).contains("page de défi anti-DDoS").contains("retransmis");
        detectedWithin(s, "ent-b", 2);
    }

    @Test
    void pulsedMixedAttackEndsNamedAttackEvenThroughItsFloodPhases() throws Exception {
        // Pulses of 2 rounds on, 1 off, cycling backlog flood, challenge page, resets, slow connections.
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> {
            int phase = (k - WARM) / 3;
            if (!t.equals("ent-b") || (k - WARM) % 3 == 2) {
                return r;
            }
            return switch (phase % 4) {
                case 0 -> TraceScenario.with(r, Outcome.CONNECT_TIMEOUT, null, null, null, null);
                case 1 -> TraceScenario.with(r, Outcome.SIGNATURE, 403, "waf_challenge", r.connectMs(), 30.0);
                case 2 -> TraceScenario.with(r, Outcome.RESET, null, null, r.connectMs(), null);
                default -> TraceScenario.slower(r, 12);
            };
        }));

        List<Verdict> vs = of(s, "ent-b");
        Verdict last = vs.stream().filter(v -> v.status() != Status.OPERATIONAL).reduce((a, b) -> b).orElseThrow();
        assertThat(last.cause()).isEqualTo(Cause.ATTACK);
        assertThat(vs).filteredOn(v -> v.status() != Status.OPERATIONAL).extracting(Verdict::ts)
                .allSatisfy(ts -> assertThat(ts).isBefore(scenario.roundStart(FAULT_END + 3)));
        detectedWithin(s, "ent-b", 2);
        // Open from first detection to recovery: the off phases do not close it (no flapping).
        assertThat(vs.stream().filter(v -> v.status() == Status.OPERATIONAL).count()).isEqualTo(2);
        // One incident whose cause evolved, not one per cause.
        assertThat(s.incidents()).singleElement().satisfies(i -> {
            assertThat(i.cause()).isEqualTo(Cause.ATTACK);
            assertThat(i.targets()).containsExactly("ent-b");
        });
    }

    @Test
    void wholeHostBlackholedIsNetworkForItsTargets() throws Exception {
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> !t.equals("ent-d")
                ? TraceScenario.with(r, Outcome.CONNECT_TIMEOUT, null, null, null, null) : r));

        for (String t : List.of("ent-a", "ent-b", "ent-c")) {
            assertThat(of(s, t)).filteredOn(v -> v.status() != Status.OPERATIONAL).isNotEmpty()
                    .allSatisfy(v -> assertThat(v.cause()).isIn(Cause.NETWORK, Cause.UNKNOWN));
            detectedWithin(s, t, 2);
            namedWithin(s, t, Cause.NETWORK, 3);
        }
        assertThat(of(s, "ent-d")).isNotEmpty().allMatch(v -> v.status() == Status.OPERATIONAL);
        // One incident for the host, even when its first service opened it while the cause was under analysis.
        assertThat(s.incidents()).filteredOn(i -> "hosting:hostX".equals(i.scope())).hasSize(1)
                .allSatisfy(i -> assertThat(i.cause()).isEqualTo(Cause.NETWORK));
    }

    @Test
    void connectTimeOutsToOneServiceAloneAreWithheldNeverCalledAttack() throws Exception {
        // A dead server and a flood that drops every SYN look alike from outside: the cause is withheld.
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> t.equals("ent-d")
                || t.equals("ent-c") ? TraceScenario.with(r, Outcome.CONNECT_TIMEOUT, null, null, null, null) : r));

        for (String t : List.of("ent-c", "ent-d")) {
            List<Verdict> bad = of(s, t).stream().filter(v -> v.status() != Status.OPERATIONAL).toList();
            assertThat(bad).isNotEmpty().allSatisfy(v -> assertThat(v.cause()).isEqualTo(Cause.UNKNOWN));
            assertThat(allFr(bad.get(0))).contains("indiscernables").contains("cause en cours d'analyse");
            assertThat(bad.get(0).status()).isEqualTo(Status.MAJOR_OUTAGE);
            detectedWithin(s, t, 2);
        }
    }

    @Test
    void diskFullOnWritesWithStaticFineIsStorage() throws Exception {
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> t.equals("ent-d") && i == 4
                ? TraceScenario.with(r, Outcome.SIGNATURE, 500, "disk_full", r.connectMs(), 90.0) : r));

        Verdict bad = firstBad(s, "ent-d").orElseThrow();
        assertThat(bad.cause()).isEqualTo(Cause.STORAGE);
        assertThat(bad.status()).isEqualTo(Status.PARTIAL_OUTAGE);
        assertThat(allFr(bad)).contains("disque plein").contains("seules les écritures échouent");
        assertThat(bad.incident()).isNotNull();
        detectedWithin(s, "ent-d", 2);
        assertThat(of(s, "ent-a")).isNotEmpty().allMatch(v -> v.status() == Status.OPERATIONAL);
    }

    @Test
    void dnsFailureOfOneTargetIsANetworkMajorOutage() throws Exception {
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> t.equals("ent-d")
                ? TraceScenario.with(r, Outcome.DNS_FAILURE, null, null, null, null) : r));

        Verdict bad = firstBad(s, "ent-d").orElseThrow();
        assertThat(bad.cause()).isEqualTo(Cause.NETWORK);
        assertThat(bad.status()).isEqualTo(Status.MAJOR_OUTAGE);
        assertThat(allFr(bad)).contains("échec DNS");
        assertThat(s.incidents()).singleElement().satisfies(i -> assertThat(i.isPublic()).isTrue());
    }

    @Test
    void fastWrongPagesAreAnApplicationFault() throws Exception {
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> t.equals("ent-a") && i == 2
                ? TraceScenario.with(r, Outcome.ASSERTION_FAILED, 200, null, r.connectMs(), 60.0) : r));

        Verdict bad = firstBad(s, "ent-a").orElseThrow();
        assertThat(bad.cause()).isEqualTo(Cause.APPLICATION);
        assertThat(bad.status()).isEqualTo(Status.PARTIAL_OUTAGE);
        assertThat(allFr(bad)).contains("contenu inattendu");
    }

    @Test
    void declaredMaintenanceIsPublishedAtOnceWithoutIncident() throws Exception {
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> {
            if (!t.equals("ent-c")) return r;
            StepResult m = TraceScenario.with(r, Outcome.SIGNATURE, 503, "maintenance", r.connectMs(), 20.0);
            return new StepResult(m.ts(), m.scheduled(), m.target(), m.vantage(), m.journey(), m.run(), m.step(),
                    m.kind(), m.outcome(), m.status(), m.signature(), m.dnsMs(), m.connectMs(), m.tlsMs(), m.ttfbMs(),
                    m.totalMs(), m.bytes(), true, null, null, null);
        }));

        Verdict bad = firstBad(s, "ent-c").orElseThrow();
        assertThat(bad.status()).isEqualTo(Status.UNDER_MAINTENANCE);
        assertThat(bad.cause()).isEqualTo(Cause.MAINTENANCE);
        assertThat(bad.ts()).isBefore(scenario.roundStart(WARM + 1));
        assertThat(s.incidents()).isEmpty();
    }

    @Test
    void ordinaryMorningRushStaysOperationalOrAtMostDegradedSaturation() throws Exception {
        // Tuesday 16 March 2021 from 06:30 to 10:00 in Paris, TTFB ramping to 4x at 8:00 then easing off.
        Instant dawn = Instant.parse("2021-03-16T05:30:00Z");
        TraceScenario day = new TraceScenario(four, dawn, Duration.ofSeconds(30));
        List<StepResult> trace = day.rounds(0, 420, (t, k, i, r) -> {
            double minutes = k / 2.0;
            double peak = 90; // 08:00 Paris
            double factor = 1 + 3 * Math.max(0, 1 - Math.abs(minutes - peak) / 45);
            return TraceScenario.isStatic(r) ? r : TraceScenario.slower(r, factor);
        });
        ReplayClassifier.Summary s = replay(config, trace);

        // The rush is really in the trace (a test that lost its slowdown would pass for nothing)...
        assertThat(trace.stream().filter(r -> r.ttfbMs() != null).mapToDouble(StepResult::ttfbMs).max().orElse(0))
                .isGreaterThanOrEqualTo(3.5 * trace.stream().filter(r -> r.ttfbMs() != null)
                        .mapToDouble(StepResult::ttfbMs).min().orElse(Double.MAX_VALUE));
        // ...every target was judged (allSatisfy alone passes on an empty list)...
        assertThat(s.verdicts()).extracting(Verdict::target).contains("ent-a", "ent-b", "ent-c", "ent-d");
        assertThat(s.verdicts()).allSatisfy(v -> {
            assertThat(v.status()).isIn(Status.OPERATIONAL, Status.DEGRADED_PERFORMANCE);
            assertThat(v.cause()).isIn(Cause.NONE, Cause.SATURATION);
        });
        // ...and no incident but a saturation one, named as such.
        assertThat(s.incidents()).filteredOn(i -> i.cause() != Cause.SATURATION).isEmpty();
    }

    @Test
    void allTargetsLosingDnsIsTheVantageAndNoPublicIncident() throws Exception {
        VigieConfig cfg = TestConfigs.config("ent-a@hostX", "ent-b@hostX", "ent-c@hostY", "ent-d@hostZ",
                "cned@cned", "witness@control#control");
        List<String> all = List.of("ent-a", "ent-b", "ent-c", "ent-d", "cned", "witness");
        TraceScenario sc = new TraceScenario(all, MID_MORNING, Duration.ofSeconds(30));
        List<StepResult> trace = new ArrayList<>(sc.rounds(0, WARM, (t, k, i, r) -> r));
        trace.addAll(sc.rounds(WARM, FAULT_END, (t, k, i, r) ->
                TraceScenario.with(r, Outcome.DNS_FAILURE, null, null, null, null)));
        trace.addAll(sc.rounds(FAULT_END, END, (t, k, i, r) -> r));
        ReplayClassifier.Summary s = replay(cfg, trace);

        for (String target : all) {
            List<Verdict> vs = of(s, target);
            assertThat(vs).allSatisfy(v -> assertThat(v.status()).isEqualTo(Status.OPERATIONAL));
            assertThat(vs).anySatisfy(v -> assertThat(v.cause()).isEqualTo(Cause.VANTAGE));
            assertThat(vs).noneSatisfy(v -> assertThat(v.cause()).isEqualTo(Cause.NETWORK));
        }
        assertThat(s.incidents()).isNotEmpty().allSatisfy(i -> assertThat(i.isPublic()).isFalse());
    }

    @Test
    void overrunSkipsBetweenTimedOutRoundsNeitherHealNorSplitTheRounds() throws Exception {
        List<StepResult> trace = new ArrayList<>();
        for (StepResult r : trace((t, k, i, r) -> t.equals("ent-c")
                ? TraceScenario.with(r, Outcome.RESPONSE_TIMEOUT, null, null, r.connectMs(), null) : r)) {
            trace.add(r);
            if (r.target().equals("ent-c") && r.step().equals("home") && r.ts().isAfter(scenario.roundStart(WARM))) {
                // The scheduler's "previous round still running" marker lands in the middle of a run.
                trace.add(new StepResult(r.ts().plusMillis(1), r.ts(), "ent-c", "test", "ent", null, "home",
                        r.kind(), Outcome.SKIPPED, null, null, null, null, null, null, null, 0, false, null, null,
                        "previous round still running"));
            }
        }
        ReplayClassifier.Summary s = replay(config, trace);

        List<Verdict> bad = of(s, "ent-c").stream().filter(v -> v.status() != Status.OPERATIONAL).toList();
        assertThat(bad).hasSize(1);
        // every request of one service timing out at 10:00, outside the school rush: overload or a hung
        // service, not named on this evidence alone
        assertThat(bad.get(0).cause()).isEqualTo(Cause.UNKNOWN);
        assertThat(allFr(bad.get(0))).contains("piste principale saturation");
        assertThat(bad.get(0).status()).isEqualTo(Status.MAJOR_OUTAGE);
        detectedWithin(s, "ent-c", 2);
    }

    @Test
    void shorterRunsThanTheJourneyAreLearntAndStillJudgedEachRound() throws Exception {
        // Targets without credentials report only the public steps: two of the five.
        List<StepResult> trace = trace((t, k, i, r) -> t.equals("ent-d") && i == 0
                ? TraceScenario.with(r, Outcome.CONNECT_REFUSED, null, null, null, null) : r).stream()
                .filter(r -> r.step().equals("home") || r.step().equals("css")).toList();
        ReplayClassifier.Summary s = replay(config, trace);

        assertThat(firstBad(s, "ent-d").orElseThrow().cause()).isEqualTo(Cause.NETWORK);
        detectedWithin(s, "ent-d", 2);
        assertThat(of(s, "ent-a")).isNotEmpty().allSatisfy(v -> assertThat(v.status()).isEqualTo(Status.OPERATIONAL));
    }

    @Test
    void overlappingRunsOfASlowTargetAreKeptApart() throws Exception {
        List<StepResult> plain = trace((t, k, i, r) -> t.equals("ent-a") && i == 4
                ? TraceScenario.with(r, Outcome.SIGNATURE, 507, "disk_full", r.connectMs(), 40.0) : r);
        // Deliver ent-a's last two steps of each run after the next run has started.
        List<StepResult> trace = new ArrayList<>();
        List<StepResult> late = new ArrayList<>();
        for (StepResult r : plain) {
            if (r.target().equals("ent-a") && r.step().equals("home")) {
                trace.add(r);
                trace.addAll(late);
                late.clear();
            } else if (r.target().equals("ent-a") && (r.step().equals("api") || r.step().equals("post"))) {
                late.add(r);
            } else {
                trace.add(r);
            }
        }
        trace.addAll(late);
        ReplayClassifier.Summary s = replay(config, trace);

        Verdict bad = firstBad(s, "ent-a").orElseThrow();
        assertThat(bad.cause()).isEqualTo(Cause.STORAGE);
        assertThat(of(s, "ent-a").stream().filter(v -> v.status() != Status.OPERATIONAL).map(Verdict::cause))
                .containsOnly(Cause.STORAGE);
    }

    @Test
    void oneBadRoundIsNotPublishedAndStatusDoesNotFlap() throws Exception {
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> t.equals("ent-a") && k % 2 == 0
                ? TraceScenario.with(r, Outcome.HTTP_ERROR, 500, null, r.connectMs(), 30.0) : r));

        assertThat(of(s, "ent-a")).isNotEmpty().allSatisfy(v -> assertThat(v.status()).isEqualTo(Status.OPERATIONAL));
        assertThat(s.incidents()).isEmpty();
    }

    @Test
    void recoveryClosesAfterSustainedHealthAndResolvesTheIncident() throws Exception {
        ReplayClassifier.Summary s = replay(config, trace((t, k, i, r) -> t.equals("ent-d")
                ? TraceScenario.with(r, Outcome.CONNECT_REFUSED, null, null, null, null) : r));

        List<Verdict> vs = of(s, "ent-d");
        Verdict recovered = vs.get(vs.size() - 1);
        assertThat(recovered.status()).isEqualTo(Status.OPERATIONAL);
        assertThat(recovered.ts()).isAfterOrEqualTo(scenario.roundStart(FAULT_END + 2));
        assertThat(s.incidents()).singleElement().satisfies(i -> {
            assertThat(i.open()).isFalse();
            assertThat(i.targets()).containsExactly("ent-d");
        });
        assertThat(vs.stream().map(Verdict::status).filter(st -> st != Status.OPERATIONAL).distinct().count())
                .isEqualTo(1);
        assertThat(Set.copyOf(vs.stream().map(Verdict::cause).toList()))
                .containsExactlyInAnyOrder(Cause.NONE, Cause.NETWORK);
    }
}
