package fr.vigie.statuspage;

import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.statuspage.output.SiteFiles;
import fr.vigie.statuspage.pdfchild.FakePdfChild;
import fr.vigie.statuspage.pdfchild.HangingPdfChild;
import fr.vigie.statuspage.report.PdfRenderer;
import fr.vigie.statuspage.report.StoreReportSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report PDFs come from a short-lived child JVM (issue 16: the service must not keep the PDF renderer's classes):
 * the site publishes what the child answered, one child per regeneration, and a child that hangs is killed at its
 * bound, leaving no report and no link, tried again a minute later, not at every regeneration.
 */
class PdfChildProcessTest {
    private static final String FOLDER = "incidents/" + IncidentReportTest.ID + "/";

    private static StatusSnapshot at(Instant t) {
        StatusSnapshot crisis = Fixtures.crisis();
        return new StatusSnapshot(t, t, crisis.vantages(), false, crisis.current(), crisis.incidents(),
                crisis.history(), crisis.latency24h(), crisis.latency7d());
    }

    private static SiteGenerator generator(PdfRenderer pdfs) {
        return new SiteGenerator(Fixtures.sections(Fixtures.config()),
                new StoreReportSource(IncidentReportTest.store("post-message")), pdfs);
    }

    @Test
    void thePublishedPdfsAreTheChildsAnswerOneChildForAllOfThem() {
        PdfRenderer pdfs = new PdfRenderer(FakePdfChild.class.getName(), List.of(), Duration.ofSeconds(60),
                Duration.ZERO);
        SiteGenerator generator = generator(pdfs);
        SiteFiles files = generator.render(Fixtures.crisis());

        String fr = new String(files.get(FOLDER + "report.pdf"), StandardCharsets.UTF_8);
        String en = new String(files.get("en/" + FOLDER + "report.pdf"), StandardCharsets.UTF_8);
        assertThat(fr).startsWith("%PDF-child ").contains("Rapport d'incident");
        assertThat(en).startsWith("%PDF-child ").contains("Incident report");
        long frPid = Long.parseLong(fr.split(" ")[1]);
        assertThat(frPid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(Long.parseLong(en.split(" ")[1])).as("both languages from the same child").isEqualTo(frPid);
        assertThat(pdfs.launches()).isEqualTo(1);
        assertThat(files.get(FOLDER + "report/index.html")).isNotNull();

        // Cached by fingerprint: the next regeneration starts no child.
        generator.render(Fixtures.crisis());
        assertThat(pdfs.launches()).isEqualTo(1);
    }

    @Test
    void aChildThatHangsIsKilledAtTheBoundAndNoReportIsLinked(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        PdfRenderer pdfs = new PdfRenderer(HangingPdfChild.class.getName(),
                List.of("-Dpdf.test.pidfile=" + pidFile), Duration.ofSeconds(3), Duration.ZERO);
        SiteGenerator generator = generator(pdfs);
        Instant t = Instant.parse("2021-03-15T12:00:00Z");

        long started = System.nanoTime();
        SiteFiles files = generator.render(at(t));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(3)).isLessThan(Duration.ofSeconds(40));
        long pid = Long.parseLong(Files.readString(pidFile));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("child killed").isNotEqualTo(
                java.util.Optional.of(true));
        assertThat(files.all().keySet()).noneMatch(p -> p.contains("report"));
        assertThat(new String(files.get(FOLDER + "index.html"), StandardCharsets.UTF_8)).doesNotContain("report-link");
        assertThat(new String(files.get("history/index.html"), StandardCharsets.UTF_8)).doesNotContain("report/");
        assertThat(files.get("index.html")).isNotNull();
        assertThat(pdfs.launches()).isEqualTo(1);

        // Within the minute, regenerations do not start another child; a minute later one is tried again.
        generator.render(at(t.plusSeconds(30)));
        assertThat(pdfs.launches()).isEqualTo(1);
        Files.delete(pidFile);
        generator.render(at(t.plusSeconds(61)));
        assertThat(pdfs.launches()).isEqualTo(2);
    }
}
