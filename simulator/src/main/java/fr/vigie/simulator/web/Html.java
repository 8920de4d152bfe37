package fr.vigie.simulator.web;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds real-looking HTML pages: head with styles and scripts, header, navigation, main content, footer. */
final class Html {
    private static final Document.OutputSettings XML_SAFE = new Document.OutputSettings()
            .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");

    private Html() {
    }

    static String page(String title, String stylesheet, String main) {
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="%s">
                <link rel="icon" href="/favicon.ico">
                <script src="/assets/js/vendor.bundle.js" defer></script>
                <script src="/assets/js/application.js" defer></script>
                </head>
                <body>
                <a class="skip-link" href="#main">Aller au contenu</a>
                <header class="app-header" role="banner"><div class="logo"><img src="/assets/img/logo.svg" alt="%s"></div>
                %s
                </header>
                <main id="main" role="main">
                %s
                </main>
                <footer class="app-footer"><ul><li><a href="/mentions-legales">Mentions légales</a></li>
                <li><a href="/accessibilite">Accessibilité : partiellement conforme</a></li>
                <li><a href="/cgu">Conditions générales d'utilisation</a></li></ul></footer>
                </body>
                </html>
                """.formatted(escape(title), stylesheet, escape(title), nav(), main);
    }

    private static String nav() {
        StringBuilder nav = new StringBuilder("<nav class=\"main-nav\" aria-label=\"Navigation principale\"><ul>");
        String[] items = {"Accueil", "Fil de nouveautés", "Messagerie", "Cahier de textes", "Espace documentaire",
                "Blog", "Actualités", "Agenda", "Annuaire", "Mon compte", "Aide"};
        for (int i = 0; i < items.length; i++) {
            nav.append("<li><a href=\"/app/").append(i).append("\">").append(items[i]).append("</a></li>");
        }
        return nav.append("</ul></nav>").toString();
    }

    /** Fillers already built, by size: the content is deterministic, and the fleet asks for a handful of sizes. */
    private static final Map<Integer, String> FILLERS = new ConcurrentHashMap<>();

    /**
     * Deterministic filler content of about the given size, shaped like timeline entries. Built once per size:
     * the simulated platforms share the benchmarks' cores with the prober, and rebuilding 55 KB per request
     * (with a {@code String.format} per entry) cost more CPU than probing the page.
     */
    static String filler(int approxBytes) {
        return FILLERS.computeIfAbsent(approxBytes, Html::buildFiller);
    }

    private static String buildFiller(int approxBytes) {
        StringBuilder out = new StringBuilder(approxBytes + 512);
        int n = 0;
        while (out.length() < approxBytes) {
            out.append("<article class=\"notification\" data-id=\"n").append(n).append("\">")
                    .append("<img class=\"avatar\" src=\"/userbook/avatar/u").append(n % 97).append("?thumbnail=48x48\" alt=\"\">")
                    .append("<div class=\"notification-body\"><p><strong>Professeur ").append(n % 13)
                    .append("</strong> a publié un nouveau devoir dans le cahier de textes de la classe ")
                    .append(3 + n % 4).append("e").append((char) ('A' + n % 5))
                    .append(" : exercices 4 à 12 page ").append(40 + n % 200)
                    .append(", à rendre pour la prochaine séance.</p><time datetime=\"2021-04-06T07:")
                    .append(String.format("%02d", n % 60)).append(":00+02:00\">il y a ").append(n % 59 + 1)
                    .append(" minutes</time></div></article>\n");
            n++;
        }
        return out.toString();
    }

    /** jsoup's escaper, set as Vigie's statuspage sets it: safe in text, quoted attributes and XML (SAML). */
    static String escape(String s) {
        return Entities.escape(s, XML_SAFE);
    }
}
