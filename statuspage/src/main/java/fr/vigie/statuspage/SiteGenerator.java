package fr.vigie.statuspage;

import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.statuspage.html.HtmlSite;
import fr.vigie.statuspage.html.Templates;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.output.AtomicSiteWriter;
import fr.vigie.statuspage.output.SiteFiles;
import fr.vigie.statuspage.report.IncidentReports;
import fr.vigie.statuspage.report.ReportSource;
import fr.vigie.statuspage.report.StoreReportSource;
import fr.vigie.aggregator.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Generates the whole public site from one snapshot: pages in every configured language (the first at
 * the root, the others under {@code /<lang>/}), feeds, Statuspage-compatible JSON and badges.
 * Resolved incidents get a report (page, PDF, JSON) when a {@link ReportSource} is given.
 * The same snapshot always gives byte-identical files. Thread-safe for sequential use by one caller.
 */
public final class SiteGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(SiteGenerator.class);

    private final SiteSections config;
    private final Templates templates = new Templates();
    private final AtomicSiteWriter writer = new AtomicSiteWriter();

    private final IncidentReports reports;
    private java.util.function.Supplier<List<fr.vigie.aggregator.forecast.HeadroomForecast>> forecasts;

    public SiteGenerator(SiteSections config) {
        this(config, ReportSource.NONE);
    }

    /** @param reports the measurements behind incident reports (a store); {@link ReportSource#NONE}: no reports */
    public SiteGenerator(SiteSections config, ReportSource reports) {
        this(config, reports, fr.vigie.statuspage.report.PdfRenderer.childJvm());
    }

    /** @param pdfs where report PDFs are rendered: a child JVM ({@code PdfRenderer.childJvm()}), or a test's */
    SiteGenerator(SiteSections config, ReportSource reports, fr.vigie.statuspage.report.PdfRenderer pdfs) {
        this.config = config;
        this.reports = new IncidentReports(reports, templates, pdfs);
    }

    /** A generator whose resolved incidents get a report read from {@code store} (blocking reads, on the caller). */
    public static SiteGenerator withReports(SiteSections config, Store store) {
        return new SiteGenerator(config, new StoreReportSource(store));
    }

    /** Publishes the headroom forecast the supplier holds at each generation (page {@code prevision/}). */
    public SiteGenerator withForecasts(java.util.function.Supplier<List<fr.vigie.aggregator.forecast.HeadroomForecast>> source) {
        this.forecasts = source;
        return this;
    }

    /** Renders every file in memory, without writing anything. */
    public SiteFiles render(StatusSnapshot snapshot) {
        PublicState state = new PublicState(config, snapshot);
        SiteFiles files = new SiteFiles();
        List<String> languages = languages();
        HtmlSite html = new HtmlSite(templates);
        Set<String> reported = reports.prepare(state, languages);
        if (forecasts != null) {
            html.withForecast(new fr.vigie.statuspage.html.ForecastPage(config, forecasts.get()));
        }
        for (int i = 0; i < languages.size(); i++) {
            String language = languages.get(i);
            String other = languages.get(i == 0 ? (languages.size() > 1 ? 1 : 0) : 0);
            html.addTo(files, state, Texts.of(language), prefix(i, language),
                    prefix(languages.indexOf(other), other), other, reported);
            reports.addTo(files, state, Texts.of(language), prefix(i, language),
                    prefix(languages.indexOf(other), other), other);
        }
        files.put("style.css", resource("static/style.css"));
        files.put("favicon.svg", resource("static/favicon.svg"));
        files.put("finder.js", resource("static/finder.js"));
        SiteExtras.addTo(files, state, languages, reported);
        return files;
    }

    /**
     * Renders the site and publishes it at {@code outDir}, which becomes a symbolic link to a fresh
     * generation folder, switched atomically.
     *
     * @return the generation folder now behind {@code outDir}
     */
    public Path generate(StatusSnapshot snapshot, Path outDir) {
        long start = System.nanoTime();
        SiteFiles files = render(snapshot);
        Path generation = writer.publish(files, outDir);
        LOG.info("site generated into {} ({} files, {} ms)", generation, files.all().size(),
                (System.nanoTime() - start) / 1_000_000);
        return generation;
    }

    private List<String> languages() {
        List<String> languages = config.site().languages();
        return languages == null || languages.isEmpty() ? List.of("fr", "en") : languages;
    }

    private static String prefix(int index, String language) {
        return index == 0 ? "" : language + "/";
    }

    private static byte[] resource(String name) {
        try (InputStream in = SiteGenerator.class.getResourceAsStream("/fr/vigie/statuspage/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
