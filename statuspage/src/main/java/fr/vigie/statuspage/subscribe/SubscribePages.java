package fr.vigie.statuspage.subscribe;

import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.statuspage.html.Templates;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.output.SiteFiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The subscription form ({@code s-abonner/}: not under the endpoint's {@code /abonnement/}, which a reverse proxy
 * forwards whole) and the personal-data page ({@code donnees-personnelles/}), only when
 * subscriptions are configured. The form is static and posts to {@code subscriptions.public-url}; the page works
 * without script, every field labelled, choices grouped in fieldsets (RGAA).
 */
public final class SubscribePages {
    public static final String FORM = "s-abonner/";
    public static final String PRIVACY = "donnees-personnelles/";

    /** One checkbox: its id in the page, the wire value the endpoint expects, its label. */
    public record Choice(String id, String value, String label) {
    }

    private SubscribePages() {
    }

    /** @param model the page model of a path, as every page of the language has */
    public static void addTo(SiteFiles files, Templates templates, PublicState state, Texts texts, String prefix,
                             Function<String, Map<String, Object>> model) {
        SubscriptionsConfig settings = state.config().subscriptionSettings().orElse(null);
        if (settings == null) {
            return;
        }
        Map<String, Object> form = model.apply(FORM);
        form.put("subscribeAction", settings.publicUrl() + "/");
        // The site says "no-referrer", under which a browser posts "Origin: null": this page alone lets the
        // endpoint (same origin) see where the form comes from, and tells no other site anything.
        form.put("referrer", "same-origin");
        List<Target> services = state.services();
        Set<String> regions = new LinkedHashSet<>();
        Set<String> academies = new LinkedHashSet<>();
        for (Target t : services) {
            if (t.region() != null) regions.add(t.region());
            if (t.academies() != null) academies.addAll(t.academies());
        }
        List<Choice> regionChoices = new ArrayList<>();
        int n = 0;
        for (String r : regions) regionChoices.add(new Choice("c-r" + (n++), "region:" + r, r));
        List<Choice> academyChoices = new ArrayList<>();
        for (String a : academies) academyChoices.add(new Choice("c-a" + (n++), "academie:" + a,
                texts.format("subscribe.academy", a)));
        List<Choice> serviceChoices = new ArrayList<>();
        for (Target t : services) {
            if (t.kind() != TargetKind.CONTROL) serviceChoices.add(new Choice("c-s" + (n++), "service:" + t.id(),
                    t.name()));
        }
        form.put("regions", regionChoices);
        form.put("academies", academyChoices);
        form.put("services", serviceChoices);
        files.put(prefix + FORM + "index.html", templates.render("subscribe.ftlh", form));

        Map<String, Object> privacy = model.apply(PRIVACY);
        privacy.put("howLong", texts.format("privacy.how_long.text", duration(settings.confirmationTtl(), texts)));
        if (state.config().site().contactEmail() != null) {
            privacy.put("contactEmail", state.config().site().contactEmail());
        }
        files.put(prefix + PRIVACY + "index.html", templates.render("privacy.ftlh", privacy));
    }

    private static String duration(Duration d, Texts texts) {
        boolean fr = texts.language().equals("fr");
        if (d.toHours() >= 24 && d.toHours() % 24 == 0) {
            long days = d.toDays();
            return days + (fr ? (days == 1 ? " jour" : " jours") : (days == 1 ? " day" : " days"));
        }
        long hours = Math.max(1, d.toHours());
        return hours + (fr ? (hours == 1 ? " heure" : " heures") : (hours == 1 ? " hour" : " hours"));
    }
}
