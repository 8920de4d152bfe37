package fr.vigie.statuspage.feed.cap;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.output.SiteFiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Adds the CAP feed to a site: every alert document, and {@code cap.atom}, the index a CAP aggregator polls
 * (newest alert first, each entry linking to its document as {@code application/cap+xml}).
 */
public final class CapFeed {
    public static final String INDEX = "cap.atom";
    /** The index lists at most this many alerts; older ones stay in the site under {@code cap/}. */
    static final int INDEX_SIZE = 200;

    private CapFeed() {
    }

    public static void addTo(SiteFiles files, PublicState state) {
        CapAlerts alerts = new CapAlerts(state);
        List<CapAlerts.CapAlert> all = alerts.all();
        for (CapAlerts.CapAlert alert : all) {
            files.put(alert.path(), CapXml.write(alert));
        }
        files.put(INDEX, index(state, alerts, all));
    }

    private static byte[] index(PublicState state, CapAlerts alerts, List<CapAlerts.CapAlert> all) {
        String base = state.config().site().baseUrl();
        String siteUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        List<CapAlerts.CapAlert> newest = new ArrayList<>(all);
        newest.sort(Comparator.comparing(CapAlerts.CapAlert::sentAt).reversed()
                .thenComparing(CapAlerts.CapAlert::identifier));
        newest = newest.subList(0, Math.min(INDEX_SIZE, newest.size()));
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setTitle(state.config().site().title() + " – alertes CAP");
        feed.setLanguage("fr");
        feed.setUri("urn:" + alerts.sender().replace('@', ':') + ":cap");
        // Dated by its newest alert, not by the generation: the same content gives the same bytes.
        feed.setPublishedDate(Date.from(newest.isEmpty() ? Instant.EPOCH : newest.get(0).sentAt()));
        SyndLink self = link("self", "application/atom+xml", siteUrl + "/" + INDEX);
        SyndLink page = link("alternate", "text/html", siteUrl + "/");
        feed.setLinks(List.of(page, self));
        List<SyndEntry> entries = new ArrayList<>();
        for (CapAlerts.CapAlert alert : newest) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:" + alert.sender().replace('@', ':') + ":" + alert.identifier());
            entry.setTitle(alert.headline());
            entry.setLinks(List.of(link("alternate", "application/cap+xml", siteUrl + "/" + alert.path())));
            entry.setPublishedDate(Date.from(alert.sentAt()));
            entry.setUpdatedDate(Date.from(alert.sentAt()));
            entry.setAuthor(alert.senderName());
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(CapXml.xmlSafe(alert.description()));
            entry.setDescription(summary);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("CAP index could not be written", e);
        }
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
