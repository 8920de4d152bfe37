package fr.vigie.statuspage.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import fr.vigie.statuspage.report.IncidentReports;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import fr.vigie.aggregator.Incident;
import fr.vigie.statuspage.html.Html;
import fr.vigie.statuspage.html.ViewFactory;
import fr.vigie.statuspage.html.Views;
import fr.vigie.statuspage.model.PublicState;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * One feed entry per public incident: a stable id {@code tag:<host>,2021:Incident/<id>}, published when it
 * opened, updated at its last update, linking to its page, with every update (newest first), the
 * probable cause and the evidence as HTML content.
 */
public final class HistoryFeeds {
    public static final String RSS = "rss_2.0";
    public static final String ATOM = "atom_1.0";

    private final PublicState state;
    private final ViewFactory views;
    private final String siteUrl;
    private final String host;
    private final java.util.Set<String> reported;
    private java.time.Instant historyStart;

    /** @param views the views of the feed's language */
    public HistoryFeeds(PublicState state, ViewFactory views) {
        this(state, views, java.util.Set.of());
    }

    /** @param reported incidents whose report (page and PDF) is on the site: their entries link to it */
    public HistoryFeeds(PublicState state, ViewFactory views, java.util.Set<String> reported) {
        this.reported = java.util.Set.copyOf(reported);
        this.state = state;
        this.views = views;
        this.siteUrl = stripSlash(state.config().site().baseUrl());
        String parsed = URI.create(siteUrl + "/").getHost();
        this.host = parsed == null ? "vigie.invalid" : parsed;
    }

    /** The stable id of an incident's entry, the same in every feed and format. */
    public String entryId(String incidentId) {
        return "tag:" + host + ",2021:Incident/" + incidentId;
    }

    /**
     * @param incidents  the incidents to list, newest first
     * @param pagesPrefix the language folder the entry links point into ("" or "en/")
     * @param selfPath    the feed's own path in the site ("history.atom")
     */
    public byte[] write(String feedType, String title, List<Incident> incidents, String pagesPrefix,
                        String selfPath) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(feedType);
        feed.setEncoding("UTF-8");
        feed.setTitle(title);
        feed.setDescription(title);
        feed.setLanguage(views.words().texts().language());
        feed.setLink(siteUrl + "/" + pagesPrefix);
        feed.setUri("tag:" + host + ",2021:" + selfPath);
        // The channel's date is its latest content, not the generation time: regenerating every minute with
        // nothing new gives the same bytes, so the same ETag, and readers are not told of a change.
        feed.setPublishedDate(Date.from(lastChange(incidents)));
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(siteUrl + "/" + selfPath);
        self.setType(ATOM.equals(feedType) ? "application/atom+xml" : "application/rss+xml");
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(siteUrl + "/" + pagesPrefix);
        feed.setLinks(List.of(alternate, self));
        List<SyndEntry> entries = new ArrayList<>();
        for (Incident incident : incidents) {
            entries.add(entry(incident, pagesPrefix, feedType));
        }
        feed.setEntries(entries);
        try {
            // ROME's Atom generator knows xml:base but not xml:lang: set it on the JDOM root ourselves.
            Document document = new WireFeedOutput().outputJDom(feed.createWireFeed());
            document.getRootElement().setAttribute("lang", feed.getLanguage(), Namespace.XML_NAMESPACE);
            XMLOutputter output = new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8"));
            return output.outputString(document).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("feed " + selfPath + " could not be written", e);
        }
    }

    private SyndEntry entry(Incident incident, String pagesPrefix, String feedType) {
        Views.IncidentView view = views.incident(incident);
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(entryId(incident.id()));
        // A resolved incident says so in its title, the line a reader shows.
        entry.setTitle(incident.open() ? view.name()
                : views.words().texts().format("feed.title.resolved", view.name()));
        entry.setLink(siteUrl + "/" + pagesPrefix + view.href());
        // RSS has one date per item, which readers sort and notify on: the latest update. Atom keeps both.
        entry.setPublishedDate(Date.from(ATOM.equals(feedType) ? incident.openedAt() : incident.updatedAt()));
        entry.setUpdatedDate(Date.from(incident.updatedAt()));
        entry.setAuthor("Vigie");
        SyndContent content = new SyndContentImpl();
        String body = html(view);
        if (reported.contains(incident.id())) {
            // The quotable report of a resolved incident: a link in the body (every reader shows it), and for Atom
            // "related" links to the page and its PDF.
            String page = siteUrl + "/" + pagesPrefix + IncidentReports.pageHref(incident.id());
            String pdf = siteUrl + "/" + pagesPrefix + IncidentReports.pdfHref(incident.id());
            body += "<p>" + Html.escape(views.words().texts().get("feed.report")) + " <a href=\"" + Html.escape(page)
                    + "\">HTML</a> · <a href=\"" + Html.escape(pdf) + "\">PDF</a></p>";
            if (ATOM.equals(feedType)) {
                entry.setLinks(List.of(link("alternate", "text/html", entry.getLink()),
                        link("related", "text/html", page), link("related", "application/pdf", pdf)));
            }
        }
        content.setValue(body);
        // Atom carries it as <content type="html">, RSS as the item's <description>.
        if (ATOM.equals(feedType)) {
            content.setType("html");
            entry.setContents(List.of(content));
        } else {
            content.setType("text/html");
            entry.setDescription(content);
        }
        return entry;
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    /** Statuspage's layout: each update as time, state in bold, text; then cause and evidence. */
    private static String html(Views.IncidentView view) {
        StringBuilder out = new StringBuilder();
        for (Views.UpdateView update : view.newestFirst()) {
            out.append("<p><small>").append(Html.escape(update.time())).append("</small><br><strong>")
                    .append(Html.escape(update.state())).append("</strong> - ").append(Html.escape(update.text()))
                    .append("</p>");
        }
        if (view.cause() != null) {
            out.append("<p>").append(Html.escape(capitalised(view.cause()))).append("</p>");
        }
        if (!view.evidence().isEmpty()) {
            out.append("<ul>");
            for (String evidence : view.evidence()) {
                out.append("<li>").append(Html.escape(evidence)).append("</li>");
            }
            out.append("</ul>");
        }
        return out.toString();
    }

    /** The latest update of the listed incidents; with none, the first day of measured history (stable). */
    private java.time.Instant lastChange(List<Incident> incidents) {
        return incidents.stream().map(Incident::updatedAt).max(java.util.Comparator.naturalOrder())
                .orElseGet(this::historyStart);
    }

    /** The first measured day, for a feed without incidents: the same for every feed of one generation. */
    private java.time.Instant historyStart() {
        if (historyStart == null) {
            historyStart = state.snapshot().history().values().stream().flatMap(List::stream)
                    .map(d -> d.date().atStartOfDay(state.config().site().timeZone()).toInstant())
                    .min(java.util.Comparator.naturalOrder()).orElse(java.time.Instant.EPOCH);
        }
        return historyStart;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
