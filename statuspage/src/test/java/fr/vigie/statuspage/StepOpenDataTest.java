package fr.vigie.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.aggregator.Aggregator;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.store.SqliteStore;
import fr.vigie.config.StepKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.statuspage.output.SiteFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static fr.vigie.statuspage.Fixtures.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open data per service and step (issue 17): results written to the embedded store, the snapshot built by the
 * aggregator over it, the site rendered, and every row of {@code donnees/etapes.csv} matched to the store's results
 * of that service, step and local day, counted here again on their own.
 */
class StepOpenDataTest {
    /** 6 April 2021, 16:00 in Paris: that day is still going on. */
    private static final Instant NOW = Instant.parse("2021-04-06T14:00:00Z");
    private static final List<String> STEPS = List.of("login-page", "login", "home");
    private static final VigieConfig CONFIG = Fixtures.config();

    @TempDir
    static Path dir;
    private static SqliteStore store;
    private static SiteFiles site;

    @BeforeAll
    static void recordThreeDaysAndRender() {
        store = new SqliteStore(dir.resolve("vigie.db"));
        List<StepResult> results = new ArrayList<>();
        int run = 0;
        for (String target : List.of("ent-idf", "ent77", "ent-hdf")) {
            for (Instant ts = Instant.parse("2021-04-03T21:00:00Z"); ts.isBefore(NOW); ts = ts.plus(Duration.ofMinutes(20))) {
                run++;
                // ent77's login fails all of 6 April (from midnight in Paris): its page is then never run
                boolean loginFails = target.equals("ent77") && !ts.isBefore(Instant.parse("2021-04-05T22:00:00Z"))
                        || run % 7 == 0;
                // a maintenance on ent-hdf, 4 April 8:00-9:00 in Paris: its results are not counted
                boolean maintenance = target.equals("ent-hdf") && !ts.isBefore(Instant.parse("2021-04-04T06:00:00Z"))
                        && ts.isBefore(Instant.parse("2021-04-04T07:00:00Z"));
                double slow = 1 + (run % 11) / 3.0;
                results.add(step(ts, target, "r" + run, "login-page", run % 13 == 0 ? Outcome.INTERNAL_ERROR
                        : Outcome.OK, 120 * slow, maintenance));
                results.add(step(ts.plusMillis(500), target, "r" + run, "login",
                        loginFails ? Outcome.RESPONSE_TIMEOUT : Outcome.OK, loginFails ? 20_000 : 600 * slow,
                        maintenance));
                results.add(step(ts.plusSeconds(2), target, "r" + run, "home", loginFails ? Outcome.SKIPPED
                        : Outcome.OK, loginFails ? null : 300.0 + run % 5, maintenance));
            }
        }
        store.appendResults(results);
        store.flush();
        StatusSnapshot snapshot = new Aggregator(Fixtures.aggregatorSections(CONFIG), store).snapshots().snapshot(NOW);
        site = new SiteGenerator(Fixtures.sections(CONFIG)).render(snapshot);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static StepResult step(Instant ts, String target, String run, String step, Outcome outcome, Double ms,
                                   boolean maintenance) {
        return new StepResult(ts, ts, target, "paris-1", "journey", run, step, StepKind.PAGE, outcome,
                outcome == Outcome.OK ? 200 : null, null, 1.0, 2.0, null, ms == null ? null : ms / 2, ms, 1000,
                maintenance, null, null, null);
    }

    private static String text(String path) {
        byte[] b = site.get(path);
        assertThat(b).as(path).isNotNull();
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> rows() throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text("donnees/etapes.csv"))).getRecords();
    }

    @Test
    void everyRowMatchesTheStoredResultsOfItsServiceStepAndLocalDay() throws Exception {
        List<CSVRecord> rows = rows();
        Set<String> expected = new HashSet<>();
        for (String target : List.of("ent-idf", "ent77", "ent-hdf")) {
            for (LocalDate d = LocalDate.parse("2021-04-03"); !d.isAfter(LocalDate.parse("2021-04-06")); d = d.plusDays(1)) {
                for (String s : STEPS) {
                    if (!counted(target, d, s).isEmpty()) {
                        expected.add(target + "|" + d + "|" + s);
                    }
                }
            }
        }
        assertThat(expected).as("4 local days of 3 steps of 3 services, but ent77's home page never run on 6 April")
                .hasSize(3 * 4 * 3 - 1).doesNotContain("ent77|2021-04-06|home");
        assertThat(rows).hasSize(expected.size());
        for (CSVRecord r : rows) {
            String target = r.get("service_id");
            LocalDate day = LocalDate.parse(r.get("date"));
            List<StepResult> mine = counted(target, day, r.get("step"));
            assertThat(expected.remove(target + "|" + day + "|" + r.get("step"))).as("one row per service, day, step")
                    .isTrue();
            double[] okMs = mine.stream().filter(StepResult::ok).mapToDouble(StepResult::totalMs).sorted().toArray();
            String what = target + " " + day + " " + r.get("step");
            assertThat(r.get("service")).isEqualTo(CONFIG.target(target).orElseThrow().name());
            assertThat(Integer.parseInt(r.get("attempts"))).as(what).isEqualTo(mine.size());
            assertThat(Integer.parseInt(r.get("ok"))).as(what).isEqualTo(okMs.length);
            assertThat(r.get("availability_percent")).as(what).isEqualTo(oneDecimal(100.0 * okMs.length / mine.size()));
            assertThat(r.get("median_ms")).as(what).isEqualTo(okMs.length == 0 ? "" : oneDecimal(r7(okMs, 0.5)));
            assertThat(r.get("p90_ms")).as(what).isEqualTo(okMs.length == 0 ? "" : oneDecimal(r7(okMs, 0.9)));
        }
        assertThat(rows).as("a step that never succeeded that day has no time, never 0")
                .anySatisfy(r -> {
                    assertThat(r.get("ok")).isEqualTo("0");
                    assertThat(r.get("median_ms")).isEmpty();
                    assertThat(r.get("availability_percent")).isEqualTo("0.0");
                });
        assertThat(rows).as("some step failed some of the time")
                .anySatisfy(r -> assertThat(Double.parseDouble(r.get("availability_percent"))).isBetween(1.0, 99.0));
    }

    @Test
    void skippedStepsVigiesOwnFailuresAndMaintenanceAreNotAttempts() throws Exception {
        List<StepResult> all = store.results("ent-hdf", LocalDate.parse("2021-04-04").atStartOfDay(PARIS).toInstant(),
                LocalDate.parse("2021-04-05").atStartOfDay(PARIS).toInstant());
        long homes = all.stream().filter(r -> r.step().equals("home")).count();
        long maintenance = all.stream().filter(r -> r.step().equals("home") && r.maintenance()).count();
        long skipped = all.stream().filter(r -> r.step().equals("home") && !r.maintenance()
                && r.outcome() == Outcome.SKIPPED).count();
        assertThat(maintenance).isPositive();
        assertThat(skipped).isPositive();
        CSVRecord home = rows().stream().filter(r -> r.get("service_id").equals("ent-hdf")
                && r.get("date").equals("2021-04-04") && r.get("step").equals("home")).findFirst().orElseThrow();
        assertThat(Long.parseLong(home.get("attempts"))).isEqualTo(homes - maintenance - skipped);
        assertThat(home.get("availability_percent")).isEqualTo("100.0");
    }

    @Test
    void theJsonStatesItsLicenceAndColumnsAndTheAboutPageLinksIt() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(text("donnees/etapes.json"));
        assertThat(doc.get("licence").asText()).contains("Licence Ouverte", "2.0");
        assertThat(doc.get("columns")).extracting(JsonNode::asText).containsExactly("date", "service_id", "service",
                "step", "attempts", "ok", "availability_percent", "median_ms", "p90_ms");
        assertThat(doc.get("rows").size()).isEqualTo(rows().size());
        JsonNode first = doc.get("rows").get(0);
        CSVRecord firstCsv = rows().get(0);
        assertThat(first.get("date").asText()).isEqualTo(firstCsv.get("date"));
        assertThat(first.get("attempts").asInt()).isEqualTo(Integer.parseInt(firstCsv.get("attempts")));
        assertThat(first.get("median_ms").asDouble()).isEqualTo(Double.parseDouble(firstCsv.get("median_ms")));

        assertThat(Jsoup.parse(text("a-propos/index.html")).select("ul.opendata a[href]"))
                .extracting(a -> a.attr("href")).contains("../donnees/etapes.csv", "../donnees/etapes.json");
    }

    @Test
    void theJourneyFilesKeepTheirColumns() throws Exception {
        assertThat(text("donnees/disponibilite.csv")).startsWith(
                "date,service_id,service,region,availability_percent,worst_status\r\n");
        assertThat(text("donnees/temps-de-reponse.csv")).startsWith(
                "bucket_start,bucket_hours,service_id,service,median_ms,p95_ms\r\n");
    }

    /** The results of one service, step and local day (Paris) that count as attempts, read from the store. */
    private static List<StepResult> counted(String target, LocalDate day, String step) {
        return store.results(target, day.atStartOfDay(PARIS).toInstant(), day.plusDays(1).atStartOfDay(PARIS)
                .toInstant()).stream().filter(r -> r.step().equals(step) && !r.maintenance()
                && r.outcome() != Outcome.SKIPPED && r.outcome() != Outcome.INTERNAL_ERROR).toList();
    }

    /** Linear interpolation between order statistics, written out here. */
    private static double r7(double[] sorted, double q) {
        assertThat(sorted).isSorted();
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        return lo + 1 >= sorted.length ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    private static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", Math.round(v * 10) / 10.0);
    }

}
