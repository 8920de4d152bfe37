package fr.vigie.statuspage;

import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.store.Store;

import java.nio.file.Path;

/** One-shot rendering for {@code vigie render --config F --out DIR}: no probes, no server. */
public final class SiteRenderer {
    private SiteRenderer() {
    }

    /** Generates the site for {@code snapshot} at {@code out} (a link switched atomically to the new files). */
    public static Path render(SiteSections config, StatusSnapshot snapshot, Path out) {
        return new SiteGenerator(config).generate(snapshot, out);
    }

    /**
     * The files of one incident's report ({@code vigie report --incident ID}): its page, PDF and JSON in every
     * language, with the stylesheet and icon the page links to; paths as on the site. Empty when the incident has
     * no report (unknown, still open, or Vigie's own vantage incident).
     */
    public static java.util.SortedMap<String, byte[]> report(SiteSections config, StatusSnapshot snapshot, Store store,
                                                             String incidentId) {
        fr.vigie.statuspage.report.StoreReportSource all = new fr.vigie.statuspage.report.StoreReportSource(store);
        fr.vigie.statuspage.output.SiteFiles files = new SiteGenerator(config,
                incident -> incident.id().equals(incidentId) ? all.load(incident) : null).render(snapshot);
        java.util.SortedMap<String, byte[]> out = new java.util.TreeMap<>();
        String folder = fr.vigie.statuspage.html.ViewFactory.incidentHref(incidentId) + "report";
        files.all().forEach((path, bytes) -> {
            if (path.contains(folder)) {
                out.put(path, bytes);
            }
        });
        if (!out.isEmpty()) {
            out.put("style.css", files.get("style.css"));
            out.put("favicon.svg", files.get("favicon.svg"));
        }
        return out;
    }

    /** The same, with a report for every resolved incident, read from {@code store}. */
    public static Path render(SiteSections config, StatusSnapshot snapshot, Path out, Store store) {
        return SiteGenerator.withReports(config, store).generate(snapshot, out);
    }
}
