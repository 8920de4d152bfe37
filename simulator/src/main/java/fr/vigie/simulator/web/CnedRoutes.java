package fr.vigie.simulator.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** CNED "Ma classe à la maison": /login with a _csrf token, courses, virtual-class join, homework post, logout. */
final class CnedRoutes extends FlavourRoutes {
    static final String CSS = "/static/cned.css";
    private final Sessions csrfTokens = new Sessions();

    CnedRoutes(Account account, String title) {
        super(account, title);
    }

    @Override
    String stylesheet() {
        return CSS;
    }

    @Override
    void mount(Router router) {
        router.get("/").handler(ctx -> redirect(ctx, "/login"));
        router.get("/login").handler(ctx -> html(ctx, 200, loginPage(false)));
        router.post("/login").handler(this::login);
        router.get(CSS).handler(ctx -> css(ctx, Assets.css("cned", 30_000)));
        router.get("/mes-cours").handler(ctx -> page(ctx, "<section id=\"mes-cours\"><h1>Mes cours</h1>\n"
                + Html.filler(30_000) + "</section>"));
        router.get("/classe-virtuelle/rejoindre").handler(ctx -> page(ctx,
                "<section id=\"classe-virtuelle\"><h1>Classe virtuelle " + Html.escape(String.valueOf(
                        ctx.request().getParam("classe"))) + "</h1><iframe title=\"Classe virtuelle\" "
                + "src=\"/collab/session\"></iframe></section>"));
        router.post("/api/devoirs").handler(ctx -> {
            if (user(ctx) == null) {
                json(ctx, 401, new JsonObject().put("error", "non authentifié"));
            } else {
                json(ctx, 201, new JsonObject().put("id", Sessions.token()));
            }
        });
        router.get("/logout").handler(ctx -> {
            sessions.close(cookieValue(ctx, "CNEDSESSION"));
            ctx.response().addCookie(cookie("CNEDSESSION", "").setMaxAge(0));
            redirect(ctx, "/login");
        });
    }

    private void login(RoutingContext ctx) {
        if (csrfTokens.consume(form(ctx, "_csrf")) == null) {
            html(ctx, 403, Html.page("Accès refusé", CSS, "<p>Jeton de sécurité invalide ou expiré.</p>"));
            return;
        }
        if (!account.matches(form(ctx, "username"), form(ctx, "password"))) {
            html(ctx, 200, loginPage(true));
            return;
        }
        ctx.response().addCookie(cookie("CNEDSESSION", sessions.open(account.username())));
        redirect(ctx, "/mes-cours");
    }

    private void page(RoutingContext ctx, String main) {
        if (user(ctx) == null) {
            redirect(ctx, "/login");
        } else {
            html(ctx, 200, Html.page(title, CSS, main));
        }
    }

    private String user(RoutingContext ctx) {
        return sessions.user(cookieValue(ctx, "CNEDSESSION"));
    }

    private String loginPage(boolean rejected) {
        String error = rejected ? "<p class=\"alert-error\">Identifiant ou mot de passe incorrect</p>\n" : "";
        return Html.page(title + " - Connexion", CSS, """
                <section class="connexion"><h1>Ma classe à la maison</h1>
                %s<form id="cned-login" method="post" action="/login">
                <input type="hidden" name="_csrf" value="%s">
                <label for="username">Adresse électronique</label><input id="username" name="username" type="text">
                <label for="password">Mot de passe</label><input id="password" name="password" type="password">
                <button type="submit">Connexion</button>
                </form></section>
                """.formatted(error, csrfTokens.open("csrf")) + Html.filler(5_000));
    }

    @Override
    boolean isLoginPage(String method, String path) {
        return "GET".equals(method) && "/login".equals(path);
    }

    @Override
    boolean isLoginSubmit(String method, String path) {
        return "POST".equals(method) && "/login".equals(path);
    }
}
