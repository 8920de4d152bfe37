package fr.vigie.statuspage;

import fr.vigie.aggregator.Incident;
import fr.vigie.config.Target;
import fr.vigie.statuspage.api.StatuspageJson;
import fr.vigie.statuspage.badge.Badge;
import fr.vigie.statuspage.feed.HistoryFeeds;
import fr.vigie.statuspage.html.ViewFactory;
import fr.vigie.statuspage.html.Views;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.output.SiteFiles;

import java.util.List;

/**
 * The machine-readable parts of the site: feeds (every language for the whole history, the default
 * language per service), Statuspage JSON and badges (default language).
 */
final class SiteExtras {
    private SiteExtras() {
    }

    static void addTo(SiteFiles files, PublicState state, List<String> languages) {
        String title = state.config().site().title();
        for (int i = 0; i < languages.size(); i++) {
            String prefix = i == 0 ? "" : languages.get(i) + "/";
            ViewFactory views = new ViewFactory(state, Texts.of(languages.get(i)));
            HistoryFeeds feeds = new HistoryFeeds(state, views);
            String feedTitle = title + " – " + views.words().texts().get("history.title");
            files.put(prefix + "history.atom", feeds.write(HistoryFeeds.ATOM, feedTitle, state.incidents(), prefix,
                    prefix + "history.atom"));
            files.put(prefix + "history.rss", feeds.write(HistoryFeeds.RSS, feedTitle, state.incidents(), prefix,
                    prefix + "history.rss"));
        }
        ViewFactory views = new ViewFactory(state, Texts.of(languages.get(0)));
        HistoryFeeds feeds = new HistoryFeeds(state, views);
        for (Target target : state.services()) {
            String folder = ViewFactory.serviceHref(target.id());
            List<Incident> incidents = state.incidentsOf(target.id());
            String feedTitle = title + " – " + target.name();
            files.put(folder + "history.atom", feeds.write(HistoryFeeds.ATOM, feedTitle, incidents, "",
                    folder + "history.atom"));
            files.put(folder + "history.rss", feeds.write(HistoryFeeds.RSS, feedTitle, incidents, "",
                    folder + "history.rss"));
            Views.ServiceView service = views.service(target);
            files.put(folder + "badge.svg", Badge.svg(target.name(), service.statusKey(), service.statusText()));
        }
        new StatuspageJson(state, views).addTo(files);
    }
}
