package fr.vigie.statuspage.report;

import fr.vigie.aggregator.Incident;
import fr.vigie.statuspage.html.HtmlSite;
import fr.vigie.statuspage.html.Templates;
import fr.vigie.statuspage.html.ViewFactory;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.output.SiteFiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reports of every resolved public incident, in every language: {@code incidents/<id>/report/index.html},
 * {@code incidents/<id>/report.pdf} (also under {@code /<lang>/}) and {@code incidents/<id>/report.json} once.
 * A report is worded once and kept while its incident and the configuration stay the same and its window is
 * settled (late results may still arrive for {@link #SETTLE} after it; until then it is read again at most once per
 * {@link #REFRESH}): the store is not read, nor the PDF rendered, again at every regeneration.
 */
public final class IncidentReports {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentReports.class);
    static final Duration SETTLE = Duration.ofMinutes(10);
    /** How often a report whose window is not settled yet is read again. */
    static final Duration REFRESH = Duration.ofMinutes(1);

    private final ReportSource source;
    private final Templates templates;
    private final Map<String, Cached> cache = new HashMap<>();
    private Map<String, Cached> prepared = Map.of();

    private record Cached(String fingerprint, boolean settled, java.time.Instant builtAt,
                          Map<String, ReportBuilder.Built> built, byte[] json, Map<String, byte[]> pdf) {
    }

    public IncidentReports(ReportSource source, Templates templates) {
        this.source = source;
        this.templates = templates;
    }

    /** Folder of a report page, relative to a language root. */
    public static String pageHref(String incidentId) {
        return ViewFactory.incidentHref(incidentId) + "report/";
    }

    public static String pdfHref(String incidentId) {
        return ViewFactory.incidentHref(incidentId) + "report.pdf";
    }

    /** Relative to the site root (one JSON file for every language). */
    public static String jsonHref(String incidentId) {
        return ViewFactory.incidentHref(incidentId) + "report.json";
    }

    /** A report is written once an incident is over; never for Vigie's own (vantage) incidents. */
    public static boolean reportable(Incident incident) {
        return !incident.open() && incident.isPublic();
    }

    /**
     * Reads (or reuses) the measurements and words every report of this state, before pages link to them.
     *
     * @return the ids of the incidents that have a report
     */
    public Set<String> prepare(PublicState state, List<String> languages) {
        Map<String, Cached> now = new LinkedHashMap<>();
        for (Incident incident : state.incidents()) {
            if (!reportable(incident)) {
                continue;
            }
            String fingerprint = incident.id() + "|" + incident.updatedAt() + "|" + incident.updates().size() + "|"
                    + System.identityHashCode(state.config()) + "|" + languages;
            Cached cached = cache.get(incident.id());
            // Until its window is settled a report is re-read, but at most once per REFRESH: a burst of
            // regenerations (every verdict triggers one) must not render the same PDFs again and again.
            boolean stale = cached != null && !cached.settled()
                    && !state.at().isBefore(cached.builtAt().plus(REFRESH));
            if (cached == null || stale || !cached.fingerprint().equals(fingerprint)) {
                try {
                    cached = build(state, incident, fingerprint, languages);
                } catch (RuntimeException e) {
                    // One report that cannot be made never costs the public the rest of the site: no link to it.
                    LOG.warn("incident report {} not generated: {}", incident.id(), e.toString());
                    cached = null;
                }
            }
            if (cached != null) {
                now.put(incident.id(), cached);
            }
        }
        cache.keySet().retainAll(now.keySet());
        cache.putAll(now);
        prepared = now;
        return new LinkedHashSet<>(now.keySet());
    }

    private Cached build(PublicState state, Incident incident, String fingerprint, List<String> languages) {
        ReportData data = source.load(incident);
        if (data == null) {
            return null;
        }
        boolean settled = !state.at().isBefore(data.window().to().plus(SETTLE));
        Map<String, ReportBuilder.Built> built = new LinkedHashMap<>();
        for (String language : languages) {
            built.put(language, new ReportBuilder(state, Texts.of(language)).build(data));
        }
        ReportBuilder.Built fr = built.getOrDefault("fr", built.values().iterator().next());
        ReportBuilder.Built en = built.getOrDefault("en", fr);
        String site = siteUrl(state);
        byte[] json = new ReportJson(state).write(data, fr, en, site + "/" + pageHref(incident.id()),
                site + "/" + pdfHref(incident.id()));
        // The PDFs are rendered here, before any page links to them: a failure leaves no dangling link.
        Map<String, byte[]> pdf = new HashMap<>();
        for (Map.Entry<String, ReportBuilder.Built> b : built.entrySet()) {
            Texts texts = Texts.of(b.getKey());
            ReportTexts words = ReportTexts.of(b.getKey());
            Map<String, Object> print = new HashMap<>();
            print.put("t", texts.asMap());
            print.put("rt", words.asMap());
            print.put("lang", texts.language());
            print.put("siteTitle", state.config().site().title());
            print.put("siteUrl", site);
            print.put("r", b.getValue().view());
            pdf.put(b.getKey(), ReportPdf.render(templates.render("report-print.ftlh", print),
                    words.get("report.title") + " : " + b.getValue().view().title(), data.window().faultTo()));
        }
        return new Cached(fingerprint, settled, state.at(), built, json, pdf);
    }

    /** Writes the prepared reports of one language. */
    public void addTo(SiteFiles files, PublicState state, Texts texts, String prefix, String otherPrefix,
                      String otherLanguage) {
        boolean first = prefix.isEmpty();
        for (Map.Entry<String, Cached> entry : prepared.entrySet()) {
            String id = entry.getKey();
            Cached cached = entry.getValue();
            ReportBuilder.Built built = cached.built().get(texts.language());
            if (built == null) {
                continue;
            }
            ReportTexts words = ReportTexts.of(texts.language());
            String path = pageHref(id);
            Map<String, Object> model = HtmlSite.pageModel(state, texts, prefix, otherPrefix, otherLanguage, path);
            model.put("rt", words.asMap());
            model.put("r", built.view());
            model.put("pdfHref", "../report.pdf");
            model.put("jsonHref", model.get("root") + jsonHref(id));
            files.put(prefix + path + "index.html", templates.render("report.ftlh", model));
            files.put(prefix + pdfHref(id), cached.pdf().get(texts.language()));
            if (first) {
                files.put(jsonHref(id), cached.json());
            }
        }
    }

    private static String siteUrl(PublicState state) {
        String url = state.config().site().baseUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
