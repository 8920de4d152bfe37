package fr.vigie.statuspage;

import fr.vigie.aggregator.Incident;
import fr.vigie.config.Target;
import fr.vigie.statuspage.api.StatuspageJson;
import fr.vigie.statuspage.badge.Badge;
import fr.vigie.statuspage.feed.HistoryFeeds;
import fr.vigie.statuspage.feed.cap.CapFeed;
import fr.vigie.statuspage.html.ViewFactory;
import fr.vigie.statuspage.html.Views;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.opendata.OpenData;
import fr.vigie.statuspage.output.SiteFiles;

import java.util.List;

/**
 * The machine-readable parts of the site: feeds (every language for the whole history, the default
 * language per service), Statuspage JSON and badges (default language).
 */
final class SiteExtras {
    private SiteExtras() {
    }

    static void addTo(SiteFiles files, PublicState state, List<String> languages, java.util.Set<String> reported) {
        String title = state.config().site().title();
        for (int i = 0; i < languages.size(); i++) {
            String prefix = i == 0 ? "" : languages.get(i) + "/";
            ViewFactory views = new ViewFactory(state, Texts.of(languages.get(i)));
            HistoryFeeds feeds = new HistoryFeeds(state, views, reported);
            String feedTitle = title + " – " + views.words().texts().get("history.title");
            files.put(prefix + "history.atom", feeds.write(HistoryFeeds.ATOM, feedTitle, state.incidents(), prefix,
                    prefix + "history.atom"));
            files.put(prefix + "history.rss", feeds.write(HistoryFeeds.RSS, feedTitle, state.incidents(), prefix,
                    prefix + "history.rss"));
        }
        // Per service and per region, in every language: a parent follows their ENT, a journalist their region.
        for (int i = 0; i < languages.size(); i++) {
            String prefix = i == 0 ? "" : languages.get(i) + "/";
            HistoryFeeds feeds = new HistoryFeeds(state, new ViewFactory(state, Texts.of(languages.get(i))), reported);
            for (Target target : state.services()) {
                feedPair(files, feeds, title + " – " + target.name(), state.incidentsOf(target.id()), prefix,
                        ViewFactory.serviceHref(target.id()));
            }
            for (String region : state.regions()) {
                feedPair(files, feeds, title + " – " + region, state.incidentsOfRegion(region), prefix,
                        ViewFactory.regionHref(region));
            }
        }
        ViewFactory views = new ViewFactory(state, Texts.of(languages.get(0)));
        for (Target target : state.services()) {
            String folder = ViewFactory.serviceHref(target.id());
            Views.ServiceView service = views.service(target);
            files.put(folder + "badge.svg", Badge.svg(target.name(), service.statusKey(), service.statusText()));
        }
        new StatuspageJson(state, views, reported).addTo(files);
        // CAP 1.2 for crisis cells: French only, at the site root (CapFeed).
        CapFeed.addTo(files, state);
        // The measurements behind the page, for anyone to check (Licence Ouverte 2.0).
        OpenData.addTo(files, state);
    }

    private static void feedPair(SiteFiles files, HistoryFeeds feeds, String title, List<Incident> incidents,
                                 String prefix, String folder) {
        files.put(prefix + folder + "history.atom", feeds.write(HistoryFeeds.ATOM, title, incidents, prefix,
                prefix + folder + "history.atom"));
        files.put(prefix + folder + "history.rss", feeds.write(HistoryFeeds.RSS, title, incidents, prefix,
                prefix + folder + "history.rss"));
    }
}
