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
import java.time.Instant;
import java.util.ArrayList;
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
 * {@link #REFRESH}): the store is not read, nor the PDF rendered, again at every regeneration. The PDFs are
 * rendered in a child JVM ({@link PdfRenderer}), all those of one regeneration together; a report whose PDFs
 * could not be rendered is not published (or keeps its previous version) and is tried again once per
 * {@link #REFRESH}.
 */
public final class IncidentReports {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentReports.class);
    static final Duration SETTLE = Duration.ofMinutes(10);
    /** How often a report whose window is not settled yet is read again. */
    static final Duration REFRESH = Duration.ofMinutes(1);

    private final ReportSource source;
    private final Templates templates;
    private final PdfRenderer pdfRenderer;
    private final Map<String, Cached> cache = new HashMap<>();
    /** Reports whose PDFs could not be rendered: which version, and when. */
    private final Map<String, Failure> failed = new HashMap<>();
    private Map<String, Cached> prepared = Map.of();

    private record Cached(String fingerprint, boolean settled, Instant builtAt,
                          Map<String, ReportBuilder.Built> built, byte[] json, Map<String, byte[]> pdf) {
    }

    /** A report worded, its PDFs not rendered yet. */
    private record Pending(Incident incident, String fingerprint, boolean settled,
                           Map<String, ReportBuilder.Built> built, byte[] json,
                           Map<String, PdfRenderer.Document> documents) {
    }

    private record Failure(String fingerprint, Instant at) {
    }

    public IncidentReports(ReportSource source, Templates templates) {
        this(source, templates, PdfRenderer.childJvm());
    }

    /** @param pdfRenderer where the PDFs are rendered ({@link PdfRenderer#childJvm()}, or a test's) */
    public IncidentReports(ReportSource source, Templates templates, PdfRenderer pdfRenderer) {
        this.source = source;
        this.templates = templates;
        this.pdfRenderer = pdfRenderer;
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
     * Reads (or reuses) the measurements and words every report of this state, before pages link to them. The
     * PDFs of every report to (re)make are rendered together, in one child JVM ({@link PdfRenderer}).
     *
     * @return the ids of the incidents that have a report
     */
    public Set<String> prepare(PublicState state, List<String> languages) {
        Map<String, Cached> now = new LinkedHashMap<>();
        List<Pending> pending = new ArrayList<>();
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
            boolean due = cached == null || stale || !cached.fingerprint().equals(fingerprint);
            Failure failure = failed.get(incident.id());
            if (due && failure != null && failure.fingerprint().equals(fingerprint)
                    && state.at().isBefore(failure.at().plus(REFRESH))) {
                // Its PDFs could not be rendered a moment ago: tried again once per REFRESH, not at every
                // regeneration. Meanwhile the report published before, if any, stays.
                due = false;
            }
            if (due) {
                try {
                    Pending p = build(state, incident, fingerprint, languages);
                    if (p != null) {
                        pending.add(p);
                    }
                } catch (RuntimeException e) {
                    // One report that cannot be made never costs the public the rest of the site: no link to it.
                    LOG.warn("incident report {} not generated: {}", incident.id(), e.toString());
                }
                cached = null;
            }
            if (cached != null) {
                now.put(incident.id(), cached);
            }
        }
        render(state, pending, now);
        cache.keySet().retainAll(now.keySet());
        cache.putAll(now);
        failed.keySet().removeIf(id -> state.incidents().stream().noneMatch(i -> i.id().equals(id)));
        prepared = now;
        return new LinkedHashSet<>(now.keySet());
    }

    /** The PDFs of every pending report, in one batch; a report gets a link only once all its PDFs exist. */
    private void render(PublicState state, List<Pending> pending, Map<String, Cached> now) {
        List<PdfRenderer.Document> documents = new ArrayList<>();
        for (Pending p : pending) {
            documents.addAll(p.documents().values());
        }
        List<byte[]> pdfs = pdfRenderer.render(documents);
        int next = 0;
        for (Pending p : pending) {
            Map<String, byte[]> pdf = new HashMap<>();
            boolean complete = true;
            for (String language : p.documents().keySet()) {
                byte[] bytes = pdfs.get(next++);
                complete &= bytes != null;
                pdf.put(language, bytes);
            }
            String id = p.incident().id();
            if (complete) {
                now.put(id, new Cached(p.fingerprint(), p.settled(), state.at(), p.built(), p.json(), pdf));
                failed.remove(id);
            } else {
                // No PDF, no link: the report published before (same incident, fewer late results or an older
                // note) stays until the next attempt succeeds; a report never published stays unpublished.
                failed.put(id, new Failure(p.fingerprint(), state.at()));
                Cached before = cache.get(id);
                if (before != null) {
                    now.put(id, before);
                }
                LOG.warn("incident report {} not published: its PDF could not be rendered (next attempt in {} s)", id,
                        REFRESH.toSeconds());
            }
        }
    }

    private Pending build(PublicState state, Incident incident, String fingerprint, List<String> languages) {
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
        // The PDFs are rendered before any page links to them: a failure leaves no dangling link.
        Map<String, PdfRenderer.Document> documents = new LinkedHashMap<>();
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
            documents.put(b.getKey(), new PdfRenderer.Document(templates.render("report-print.ftlh", print),
                    words.get("report.title") + " : " + b.getValue().view().title(), data.window().faultTo()));
        }
        return new Pending(incident, fingerprint, settled, built, json, documents);
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
