package fr.vigie.statuspage;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.Verdict;
import fr.vigie.aggregator.store.MemoryStore;
import fr.vigie.config.StepKind;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.statuspage.output.SiteFiles;
import fr.vigie.statuspage.report.StoreReportSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reports generated from a store holding a resolved storage incident (results every minute, two verdicts): the
 * page, its PDF (read back with PDFBox) and JSON, the shaded window, escaping of hostile names, determinism.
 * {@code app}'s IncidentReportEndToEndTest does the same from a real probed run against the simulator.
 */
class IncidentReportTest {
    static final String ID = "2021-03-15-mbn-storage-1";
    private static final Instant OPENED = Instant.parse("2021-03-15T07:00:00Z");
    private static final Instant RESOLVED = Instant.parse("2021-03-15T09:30:00Z");
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)> \"Bureau\" & co";
    private static final String HOSTILE_STEP = "<script>alert('step')</script>";

    static MemoryStore store(String secondStep) {
        MemoryStore store = new MemoryStore(true);
        List<StepResult> results = new ArrayList<>();
        for (Instant t = OPENED.minus(Duration.ofHours(1)); t.isBefore(RESOLVED.plus(Duration.ofHours(1)));
             t = t.plusSeconds(60)) {
            boolean fault = !t.isBefore(OPENED) && t.isBefore(RESOLVED);
            String run = "run-" + t.getEpochSecond();
            results.add(result(t, run, "login", Outcome.OK, fault ? 500.0 : 400.0, null));
            results.add(result(t.plusSeconds(1), run, secondStep, fault ? Outcome.SIGNATURE : Outcome.OK,
                    fault ? 1200.0 : 300.0, fault ? "disk-full" : null));
        }
        store.appendResults(results);
        store.appendVerdict(new Verdict(OPENED, "mbn", Status.MAJOR_OUTAGE, Cause.STORAGE, Set.of(Cause.STORAGE),
                0.83, List.of(Fixtures.DISK), ID));
        store.appendVerdict(new Verdict(RESOLVED, "mbn", Status.OPERATIONAL, Cause.NONE, Set.of(), 0.9, List.of(),
                null));
        return store;
    }

    private static StepResult result(Instant ts, String run, String step, Outcome outcome, double ms, String sig) {
        return new StepResult(ts, ts, "mbn", "paris-1", "journey", run, step, StepKind.PAGE, outcome,
                outcome == Outcome.OK ? 200 : 507, sig, 1.0, 2.0, null, ms - 10, ms, 1000, false, null, null, null);
    }

    private static SiteFiles render(VigieConfig config, MemoryStore store) {
        StatusSnapshot crisis = Fixtures.crisis();
        return new SiteGenerator(Fixtures.sections(config), new StoreReportSource(store)).render(crisis);
    }

    private static String text(SiteFiles files, String path) {
        assertThat(files.get(path)).as(path).isNotNull();
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    @Test
    void aResolvedIncidentGetsAReportPagePdfAndJsonLinkedFromItsPageAndTheHistory() throws Exception {
        SiteFiles files = render(Fixtures.config(), store("post-message"));
        String folder = "incidents/" + ID + "/";
        Document page = Jsoup.parse(text(files, folder + "report/index.html"));

        assertThat(page.select("ul.supported li").eachText()).contains(
                "Cause probable : stockage (disque plein ou en panne) (confiance 0,83).",
                "Aucune signature d'attaque mesurée.");
        assertThat(page.select("ul.not-supported li").eachText())
                .anyMatch(s -> s.startsWith("Les mesures sont prises de l'extérieur"))
                .anyMatch(s -> s.startsWith("Mesuré depuis un seul point de mesure"));
        assertThat(page.select("p.vantages").text()).startsWith("Une seule vantage").contains("paris-1");
        // Paris is UTC+1 in March: opened 08:00, resolved 10:30.
        List<String> measured = page.select("tr.tl-measured").eachText();
        assertThat(measured).hasSize(2);
        assertThat(measured.get(0)).contains("15 mars 2021 à 08:00", "Mon Bureau Numérique", "Panne majeure",
                "confiance 0,83", "espace disque insuffisant");
        assertThat(measured.get(1)).contains("10:30", "Fonctionne normalement");
        List<String> published = page.select("tr.tl-published").eachText();
        assertThat(published).hasSize(2);
        assertThat(published.get(0)).contains("08:00", "Vigie (automatique)");
        assertThat(published.get(1)).contains("10:30", "Résolu");
        assertThat(page.select("table.report-table").first().text()).contains("Mon Bureau Numérique", "Grand Est",
                "kosmos");
        assertThat(page.select("a[href=../report.pdf]")).hasSize(1);

        // Per-step table: before and during figures from the results.
        assertThat(page.select("section.report-service table").text())
                .contains("post-message", "0,30 s", "1,2 s", "150 / 150 (100 %)", "signature");

        // The fault window shaded in both charts, placed at the incident (window 06:22:30–10:07:30 UTC).
        var shaded = page.select("svg rect.fault-window");
        assertThat(shaded).hasSize(2);
        for (Element rect : shaded) {
            assertThat(Double.parseDouble(rect.attr("x"))).isCloseTo(56 + 572 * 37.5 / 225, within(0.2));
            assertThat(Double.parseDouble(rect.attr("width"))).isCloseTo(572 * 150.0 / 225, within(0.2));
            assertThat(rect.select("title").text()).isEqualTo("Incident : de 08:00 à 10:30");
        }
        assertThat(page.select("svg path[d^=M]")).hasSizeGreaterThanOrEqualTo(4);

        // Linked from the incident page and the history; only resolved, public incidents have one.
        assertThat(Jsoup.parse(text(files, folder + "index.html")).select("p.report-link a").attr("href"))
                .isEqualTo("report/");
        assertThat(Jsoup.parse(text(files, "history/index.html")).select("a.report-link").eachAttr("href"))
                .containsExactly("../" + folder + "report/");
        assertThat(files.all().keySet().stream().filter(p -> p.contains("report")))
                .allMatch(p -> p.contains(ID));

        // English page and PDF.
        Document english = Jsoup.parse(text(files, "en/" + folder + "report/index.html"));
        assertThat(english.select("ul.supported li").eachText()).contains(
                "Probable cause: storage (disk full or failed) (confidence 0.83).", "No attack signature measured.");
        assertThat(files.get("en/" + folder + "report.pdf")).isNotNull();

        // The PDF is a PDF, and its text says the same.
        byte[] pdf = files.get(folder + "report.pdf");
        // Kept for a look (like the browser test's screenshots): the generated site with its report.
        for (var file : files.all().entrySet()) {
            java.nio.file.Path out = java.nio.file.Path.of("target/report-site").resolve(file.getKey());
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.write(out, file.getValue());
        }
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String extracted = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(extracted).contains("Aucune signature d'attaque mesurée", "Cause probable : stockage",
                    "Une seule vantage", "Mon Bureau Numérique", "post-message");
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("Rapport d'incident");
        }

        // JSON: facts as values.
        String json = text(files, folder + "report.json");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.get("cause").asText()).isEqualTo("storage");
        assertThat(tree.get("cause_confidence").asDouble()).isEqualTo(0.83);
        assertThat(tree.get("attack_signature_measured").asBoolean()).isFalse();
        assertThat(tree.get("targets").get(0).get("hosting_group").asText()).isEqualTo("kosmos");
        assertThat(tree.get("links").get("pdf").asText())
                .isEqualTo("https://etat.vigie.test/" + folder + "report.pdf");
        var incidents = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                text(files, "api/v2/incidents.json")).get("incidents");
        boolean linked = false;
        for (var incident : incidents) {
            if (incident.get("id").asText().equals(ID)) {
                linked = incident.get("vigie").get("report").get("json").asText().endsWith(folder + "report.json");
            } else {
                assertThat(incident.get("vigie").has("report")).isFalse();
            }
        }
        assertThat(linked).isTrue();
    }

    @Test
    void hostileNamesAreTextInThePageTheSvgAndThePdf() throws Exception {
        List<Target> targets = new ArrayList<>(Fixtures.targets());
        targets.replaceAll(t -> t.id().equals("mbn") ? Fixtures.target("mbn", HOSTILE_NAME, TargetKind.ENT,
                "Grand Est", List.of("Strasbourg"), "<b>host</b>") : t);
        SiteFiles files = render(Fixtures.config(targets), store(HOSTILE_STEP));
        String html = text(files, "incidents/" + ID + "/report/index.html");
        assertThat(html).doesNotContain("<img src=x", "<script>alert", "<b>host</b>");
        Document page = Jsoup.parse(html);
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("section.report-service h3").text()).isEqualTo(HOSTILE_NAME);
        assertThat(page.select("svg text").eachText()).contains(HOSTILE_STEP);
        assertThat(page.select("svg").attr("aria-label")).contains(HOSTILE_NAME);
        try (PDDocument doc = Loader.loadPDF(files.get("incidents/" + ID + "/report.pdf"))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("\"Bureau\" & co");
        }
    }

    @Test
    void theSameStoreGivesByteIdenticalReports() {
        VigieConfig config = Fixtures.config();
        SiteFiles first = render(config, store("post-message"));
        SiteFiles second = render(config, store("post-message"));
        for (String path : List.of("incidents/" + ID + "/report/index.html", "incidents/" + ID + "/report.pdf",
                "incidents/" + ID + "/report.json", "en/incidents/" + ID + "/report.pdf")) {
            assertThat(second.get(path)).as(path).isEqualTo(first.get(path));
        }
    }

    @Test
    void aCauseNeverEstablishedIsSaidSoAndAnAttackBelowTheBarIsNeverCalledMeasured() {
        String id = "2021-03-20-ent77-1";
        Instant opened = Instant.parse("2021-03-20T07:00:00Z");
        Incident unknown = Incident.fold("target:ent77", List.of(
                Fixtures.event(id, 1, opened, fr.vigie.aggregator.IncidentEvent.Type.OPENED, Status.PARTIAL_OUTAGE,
                        Cause.UNKNOWN, List.of("ent77"), null, "vigie", Fixtures.SLOW),
                Fixtures.event(id, 2, opened.plusSeconds(1800), fr.vigie.aggregator.IncidentEvent.Type.RESOLVED,
                        Status.OPERATIONAL, null, List.of(), null, "vigie")));
        MemoryStore store = new MemoryStore(true);
        store.appendVerdict(new Verdict(opened, "ent77", Status.PARTIAL_OUTAGE, Cause.UNKNOWN,
                Set.of(Cause.ATTACK, Cause.SATURATION), 0.4, List.of(Fixtures.SLOW), id));
        StatusSnapshot base = Fixtures.crisis();
        StatusSnapshot snapshot = Fixtures.snapshot(base.current(), List.of(unknown), false, Fixtures.targets());
        SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config()), new StoreReportSource(store)).render(snapshot);
        Document page = Jsoup.parse(text(files, "incidents/" + id + "/report/index.html"));
        assertThat(page.select("ul.supported li").eachText()).contains(
                "La cause n'a pas été établie : aucune hypothèse n'a atteint le seuil de confiance nécessaire pour "
                        + "être publiée.",
                "Aucune signature d'attaque mesurée.",
                "Une attaque a été envisagée par le classement automatique sans atteindre le seuil de confiance "
                        + "nécessaire pour être publiée.",
                "Autres hypothèses envisagées par le classement automatique pendant l'incident : saturation "
                        + "(affluence).")
                .noneMatch(s -> s.startsWith("Cause probable"))
                .noneMatch(s -> s.startsWith("Des signes compatibles"));
        // No measurement in the store: said, and the chart is replaced by a sentence.
        assertThat(page.select("ul.not-supported li").eachText())
                .anyMatch(s -> s.startsWith("Aucune mesure détaillée n'a été retrouvée"));
        assertThat(page.select("svg rect.fault-window")).isEmpty();
        assertThat(page.select("p.vantages").text()).startsWith("Aucune mesure enregistrée");
    }

    @Test
    void aSettledReportIsReadFromTheStoreOnceAcrossRegenerations() {
        StoreReportSource store = new StoreReportSource(store("post-message"));
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        SiteGenerator generator = new SiteGenerator(Fixtures.sections(Fixtures.config()), incident -> {
            loads.incrementAndGet();
            return store.load(incident);
        });
        byte[] first = generator.render(Fixtures.crisis()).get("incidents/" + ID + "/report.pdf");
        byte[] second = generator.render(Fixtures.crisis()).get("incidents/" + ID + "/report.pdf");
        assertThat(loads).hasValue(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void justAfterResolutionAReportIsReadAgainAtMostOncePerMinute() {
        StoreReportSource store = new StoreReportSource(store("post-message"));
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        SiteGenerator generator = new SiteGenerator(Fixtures.sections(Fixtures.config()), incident -> {
            loads.incrementAndGet();
            return store.load(incident);
        });
        StatusSnapshot crisis = Fixtures.crisis();
        Instant at = RESOLVED.plusSeconds(120);
        java.util.function.Function<Instant, StatusSnapshot> snapshotAt = t -> new StatusSnapshot(t, t,
                crisis.vantages(), false, crisis.current(), crisis.incidents(), crisis.history(), crisis.latency24h(),
                crisis.latency7d());
        generator.render(snapshotAt.apply(at));
        generator.render(snapshotAt.apply(at.plusSeconds(30)));
        assertThat(loads).as("within the minute").hasValue(1);
        generator.render(snapshotAt.apply(at.plusSeconds(61)));
        assertThat(loads).as("a minute later, window not settled").hasValue(2);
        // Settled (window end 10:37:30 + 10 min): read a last time, then kept.
        generator.render(snapshotAt.apply(Instant.parse("2021-03-15T10:00:00Z").plus(Duration.ofHours(1))));
        generator.render(snapshotAt.apply(Instant.parse("2021-03-15T12:00:00Z")));
        assertThat(loads).hasValue(3);
    }

    @Test
    void aReportThatCannotBeMadeCostsNothingElse() {
        SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config()), incident -> {
            throw new IllegalStateException("store unreachable");
        }).render(Fixtures.crisis());
        assertThat(files.all().keySet()).noneMatch(p -> p.contains("report"));
        assertThat(text(files, "incidents/" + ID + "/index.html")).doesNotContain("report-link");
        assertThat(files.get("index.html")).isNotNull();
    }

    @Test
    void withoutAStoreThereIsNoReportAndNoLink() {
        SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());
        assertThat(files.all().keySet()).noneMatch(p -> p.contains("report"));
        assertThat(text(files, "incidents/" + ID + "/index.html")).doesNotContain("report-link");
        Incident open = Fixtures.crisis().incidents().get(0);
        assertThat(open.open()).isTrue();
    }

    @Test
    void theIncidentsFeedEntryLinksItsReport() {
        SiteFiles files = render(Fixtures.config(), store("post-message"));
        String atom = text(files, "history.atom");
        String rss = text(files, "en/history.rss");

        assertThat(atom).contains("rel=\"related\" type=\"application/pdf\"", "incidents/" + ID + "/report.pdf",
                "incidents/" + ID + "/report/", "Rapport d&amp;#x27;incident");
        assertThat(rss).contains("en/incidents/" + ID + "/report.pdf", "Incident report:");
    }
}
