package fr.vigie.subscriptions.web;

import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.subscriptions.Topic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static fr.vigie.subscriptions.mail.SubscriberTexts.esc;

/** The endpoint's few French pages, in the site's style; every value escaped. */
final class Pages {
    private final String siteUrl;
    private final String siteTitle;
    private final List<Target> targets;

    Pages(String siteUrl, String siteTitle, List<Target> targets) {
        this.siteUrl = siteUrl;
        this.siteTitle = siteTitle;
        this.targets = targets.stream().filter(t -> t.kind() != TargetKind.CONTROL).toList();
    }

    String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + " – " + esc(siteTitle) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + esc(siteUrl) + "/style.css\">\n</head>\n<body>\n"
                + "<header class=\"top\"><div class=\"wrap\"><a class=\"brand\" href=\"" + esc(siteUrl) + "/\">"
                + esc(siteTitle) + "</a></div></header>\n<main id=\"main\" class=\"wrap\">\n<h1>" + esc(title)
                + "</h1>\n" + body + "\n<p><a href=\"" + esc(siteUrl) + "/\">Retour à la page d'état</a> · <a href=\""
                + esc(siteUrl) + "/donnees-personnelles/\">Données personnelles</a></p>\n</main>\n</body>\n</html>\n";
    }

    String message(String title, String text) {
        return page(title, "<p>" + esc(text) + "</p>");
    }

    /** A page with one button that POSTs the token: GET never changes anything (link scanners follow links). */
    String button(String title, String text, String action, String token, String label) {
        return page(title, "<p>" + esc(text) + "</p>\n<form method=\"post\" action=\"" + esc(action) + "\">"
                + "<input type=\"hidden\" name=\"jeton\" value=\"" + esc(token) + "\">"
                + "<button type=\"submit\">" + esc(label) + "</button></form>");
    }

    /** The management page: current choices checked, save, or delete everything. */
    String manage(String action, String token, List<String> current, String notice) {
        StringBuilder body = new StringBuilder();
        if (notice != null) {
            body.append("<p role=\"status\">").append(esc(notice)).append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"").append(esc(action)).append("\">\n")
                .append("<input type=\"hidden\" name=\"jeton\" value=\"").append(esc(token)).append("\">\n")
                .append(choices(current))
                .append("<p><button type=\"submit\" name=\"action\" value=\"enregistrer\">Enregistrer mes choix</button></p>\n")
                .append("<p><button type=\"submit\" name=\"action\" value=\"supprimer\">Me désabonner et effacer mon adresse</button></p>\n")
                .append("</form>");
        return page("Gérer mon abonnement", body.toString());
    }

    /** Every topic as a checkbox, grouped: all, regions, académies, services. */
    String choices(List<String> checked) {
        StringBuilder out = new StringBuilder("<fieldset>\n<legend>Ce que vous voulez suivre</legend>\n");
        out.append(box(Topic.ALL, checked));
        for (Topic t : topics(Topic.Kind.REGION)) out.append(box(t, checked));
        for (Topic t : topics(Topic.Kind.ACADEMY)) out.append(box(t, checked));
        for (Topic t : topics(Topic.Kind.SERVICE)) out.append(box(t, checked));
        return out.append("</fieldset>\n").toString();
    }

    List<Topic> topics(Topic.Kind kind) {
        Set<String> values = new LinkedHashSet<>();
        for (Target t : targets) {
            switch (kind) {
                case REGION -> {
                    if (t.region() != null) values.add(t.region());
                }
                case ACADEMY -> {
                    if (t.academies() != null) values.addAll(t.academies());
                }
                case SERVICE -> values.add(t.id());
                default -> { }
            }
        }
        List<Topic> out = new ArrayList<>();
        values.forEach(v -> out.add(new Topic(kind, v)));
        return out;
    }

    private String box(Topic topic, List<String> checked) {
        String id = "c-" + Integer.toHexString(topic.wire().hashCode());
        return "<div><input type=\"checkbox\" name=\"choix\" id=\"" + id + "\" value=\"" + esc(topic.wire()) + "\""
                + (checked.contains(topic.wire()) ? " checked" : "") + "> <label for=\"" + id + "\">"
                + esc(topic.label(targets)) + "</label></div>\n";
    }
}
