package fr.vigie.statuspage.html;

import fr.vigie.aggregator.Incident;
import fr.vigie.config.Site;
import fr.vigie.config.Target;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.output.SiteFiles;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every HTML page of one language: home, one page per service and per public incident, history,
 * the accessibility statement, the about page ("Comment Vigie mesure") and the not-found page. Links are
 * relative, so the folder can be published under any path.
 */
public final class HtmlSite {
    private final Templates templates;
    private ForecastPage forecast;

    /** Adds the headroom forecast page ({@code prevision/}) and its line on the home page. */
    public HtmlSite withForecast(ForecastPage page) {
        this.forecast = page;
        return this;
    }

    public HtmlSite(Templates templates) {
        this.templates = templates;
    }

    /**
     * @param prefix     folder of this language ("" for the default language, "en/")
     * @param otherPrefix folder of the language the switch link points to
     */
    public void addTo(SiteFiles files, PublicState state, Texts texts, String prefix, String otherPrefix,
                      String otherLanguage) {
        addTo(files, state, texts, prefix, otherPrefix, otherLanguage, Set.of());
    }

    /** @param reported ids of the incidents that have a report (statuspage.report): linked from their page and the history */
    public void addTo(SiteFiles files, PublicState state, Texts texts, String prefix, String otherPrefix,
                      String otherLanguage, Set<String> reported) {
        ViewFactory views = new ViewFactory(state, texts);
        Page page = new Page(state, texts, views, prefix, otherPrefix, otherLanguage);

        Map<String, Object> home = page.model("");
        home.put("banner", views.banner());
        home.put("trust", views.trust());
        home.put("incidents", views.openIncidents());
        home.put("groups", views.groups());
        home.put("maintenance", views.maintenance());
        // Every region's feeds, advertised in the head so a feed reader finds them from the home page.
        home.put("altFeeds", state.regions().stream()
                .map(region -> new Views.Link(region, ViewFactory.regionHref(region))).toList());
        if (forecast != null && forecast.view().note() != null) {
            home.put("forecastNote", forecast.view().note());
        }
        files.put(prefix + "index.html", templates.render("home.ftlh", home));

        for (Target target : state.services()) {
            String path = ViewFactory.serviceHref(target.id());
            Map<String, Object> model = page.model(path);
            model.put("page", views.servicePage(target));
            model.put("serviceFeed", path);
            if (target.kind() == fr.vigie.config.TargetKind.ENT && target.region() != null) {
                // A parent reading their ENT's page may rather follow the whole region.
                model.put("altFeeds", java.util.List.of(
                        new Views.Link(target.region(), ViewFactory.regionHref(target.region()))));
            }
            model.put("trust", views.trust());
            files.put(prefix + path + "index.html", templates.render("service.ftlh", model));
        }
        for (Incident incident : state.incidents()) {
            String path = ViewFactory.incidentHref(incident.id());
            Map<String, Object> model = page.model(path);
            model.put("i", views.incident(incident));
            if (reported.contains(incident.id())) {
                model.put("reportHref", "report/");
            }
            files.put(prefix + path + "index.html", templates.render("incident.ftlh", model));
        }
        Map<String, Object> history = page.model("history/");
        history.put("months", views.months());
        Map<String, String> reports = new HashMap<>();
        reported.forEach(id -> reports.put(id, ViewFactory.incidentHref(id) + "report/"));
        history.put("reports", reports);
        files.put(prefix + "history/index.html", templates.render("history.ftlh", history));

        // A contact that is the site's own about page (the default) is linked relatively, like every other page.
        Site site = state.config().site();
        Map<String, Object> accessibility = page.model("accessibilite/");
        if (AboutPage.isHttp(site.contactUrl())
                && !AboutPage.isOwnPage(site.contactUrl(), site.baseUrl(), site.languages())) {
            accessibility.put("contactUrl", site.contactUrl());
        }
        if (site.contactEmail() != null) {
            accessibility.put("contactEmail", site.contactEmail());
        }
        files.put(prefix + "accessibilite/index.html", templates.render("accessibility.ftlh", accessibility));

        Map<String, Object> about = page.model(AboutPage.PATH);
        if (site.contactEmail() != null) {
            about.put("contactEmail", site.contactEmail());
        }
        about.put("about", new AboutPage(state.config(), texts).view());
        Views.Vantages vantages = new VantagesSection(texts, views.times()).view(state.snapshot().vantageReport());
        if (vantages != null) {
            about.put("vantages", vantages);
        }
        files.put(prefix + AboutPage.PATH + "index.html", templates.render("about.ftlh", about));

        // The e-mail subscription form and its personal-data page, when subscriptions are configured.
        fr.vigie.statuspage.subscribe.SubscribePages.addTo(files, templates, state, texts, prefix, page::model);
        if (forecast != null) {
            Map<String, Object> model = page.model(ForecastPage.PATH);
            model.put("forecast", forecast.view());
            files.put(prefix + ForecastPage.PATH + "index.html", templates.render("forecast.ftlh", model));
        }

        // Served for any unknown path at any depth: links are absolute from the site root.
        Map<String, Object> notFound = page.model("");
        notFound.put("root", "/");
        notFound.put("base", "/" + prefix);
        if (notFound.containsKey("otherBase")) {
            notFound.put("otherBase", "/" + otherPrefix);
        }
        files.put(prefix + "404.html", templates.render("notfound.ftlh", notFound));
    }

    /** The variables every page template reads, for a page at {@code path} (relative to the language root). */
    public static Map<String, Object> pageModel(PublicState state, Texts texts, String prefix, String otherPrefix,
                                                String otherLanguage, String path) {
        return new Page(state, texts, new ViewFactory(state, texts), prefix, otherPrefix, otherLanguage).model(path);
    }

    /** The variables every page template reads. */
    private record Page(PublicState state, Texts texts, ViewFactory views, String prefix, String otherPrefix,
                        String otherLanguage) {
        Map<String, Object> model(String path) {
            String root = "../".repeat(depth(prefix + path));
            Map<String, Object> model = new HashMap<>();
            model.put("t", texts.asMap());
            model.put("lang", texts.language());
            model.put("siteTitle", state.config().site().title());
            model.put("root", root.isEmpty() ? "./" : root);
            model.put("base", root.isEmpty() && prefix.isEmpty() ? "./" : root + prefix);
            if (!otherLanguage.equals(texts.language())) {
                // With a single language there is nothing to switch to: templates omit the link.
                model.put("otherBase", root + otherPrefix);
                model.put("otherLang", otherLanguage);
            }
            model.put("path", path);
            if (state.config().subscriptionSettings().isPresent()) {
                model.put("subscriptions", Boolean.TRUE); // the footer links to the form and the data page
            }
            model.put("generated", texts.format("footer.generated", views.times().dateTime(state.at())));
            // At the top of every page: when it was updated, in which time zone every time on it is given.
            model.put("updated", texts.format("page.updated", views.times().clock(state.at()),
                    views.times().zoneName(state.at())));
            model.put("updatedIso", views.times().iso(state.at()));
            return model;
        }

        private static int depth(String path) {
            return (int) path.chars().filter(c -> c == '/').count();
        }
    }
}
