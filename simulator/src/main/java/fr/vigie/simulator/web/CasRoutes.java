package fr.vigie.simulator.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Apereo CAS in front of an ENT portal (/cas/login, ticket redirect, /portal/), plus the Kosmos variant's
 * /login?selection= paths. Tickets live in a fleet-wide store so a service URL may name any CAS service of the fleet.
 */
final class CasRoutes extends FlavourRoutes {
    static final String CSS = "/cas/css/cas.css";
    private final Sessions tickets;

    CasRoutes(Account account, String title, Sessions fleetTickets) {
        super(account, title);
        this.tickets = fleetTickets;
    }

    @Override
    String stylesheet() {
        return CSS;
    }

    @Override
    void mount(Router router) {
        router.get("/").handler(ctx -> redirect(ctx, "/portal/"));
        router.get("/cas/login").handler(ctx -> html(ctx, 200, loginPage(casAction(ctx), false, false)));
        router.post("/cas/login").handler(ctx -> login(ctx, casAction(ctx), false));
        router.get("/login").handler(ctx -> html(ctx, 200, loginPage(kosmosAction(ctx), true, false)));
        router.post("/login").handler(ctx -> login(ctx, kosmosAction(ctx), true));
        router.get(CSS).handler(ctx -> css(ctx, Assets.css("cas", 20_000)));
        router.get("/cas/logout").handler(ctx -> {
            ctx.response().addCookie(cookie("TGC", "").setMaxAge(0));
            html(ctx, 200, Html.page("Déconnexion", CSS,
                    "<div id=\"logoutPanel\"><h2>Déconnexion réussie</h2><p>Vous vous êtes déconnecté(e) du "
                    + "service d'authentification.</p></div>"));
        });
        router.get("/portal").handler(this::portal);
        router.get("/portal/").handler(this::portal);
        router.get("/portal/api/user").handler(ctx -> {
            String user = user(ctx);
            if (user == null) {
                json(ctx, 401, new JsonObject().put("error", "unauthorized"));
            } else {
                json(ctx, 200, new JsonObject().put("login", user).put("profile", "ELEVE"));
            }
        });
        router.post("/portal/api/messages").handler(ctx -> {
            if (user(ctx) == null) {
                json(ctx, 401, new JsonObject().put("error", "unauthorized"));
            } else {
                json(ctx, 201, new JsonObject().put("id", Sessions.token()));
            }
        });
    }

    private void login(RoutingContext ctx, String action, boolean kosmos) {
        if (!account.matches(form(ctx, "username"), form(ctx, "password"))) {
            html(ctx, 200, loginPage(action, kosmos, true));
            return;
        }
        ctx.response().addCookie(cookie("TGC", "TGT-" + Sessions.token()));
        String service = ctx.request().getParam("service");
        if (service == null || service.isBlank()) {
            html(ctx, 200, Html.page("Connexion réussie", CSS, "<div id=\"sessionsPanel\"><h2>Connexion réussie</h2></div>"));
            return;
        }
        String ticket = "ST-" + tickets.open(account.username());
        redirect(ctx, service + (service.contains("?") ? "&" : "?") + "ticket=" + ticket);
    }

    private void portal(RoutingContext ctx) {
        String ticket = ctx.request().getParam("ticket");
        String user = ticket != null && ticket.startsWith("ST-") ? tickets.consume(ticket.substring(3)) : null;
        if (user != null) {
            ctx.response().addCookie(cookie("JSESSIONID", sessions.open(user)));
        } else {
            user = user(ctx);
        }
        if (user == null) {
            redirect(ctx, "/cas/login?service=" + encode(portalUrl(ctx)));
            return;
        }
        html(ctx, 200, Html.page(title + " - Accueil", CSS,
                "<div id=\"portal\" class=\"portal\"><h1>Bonjour " + Html.escape(user) + "</h1>\n"
                + Html.filler(40_000) + "</div>"));
    }

    private String user(RoutingContext ctx) {
        return sessions.user(cookieValue(ctx, "JSESSIONID"));
    }

    private static String portalUrl(RoutingContext ctx) {
        return "http://" + ctx.request().authority() + "/portal/";
    }

    private static String casAction(RoutingContext ctx) {
        String service = ctx.request().getParam("service");
        return "/cas/login" + (service == null ? "" : "?service=" + encode(service));
    }

    private static String kosmosAction(RoutingContext ctx) {
        String service = ctx.request().getParam("service");
        String selection = ctx.request().getParam("selection");
        return "/login?selection=" + encode(selection == null ? "ELEVE" : selection)
                + (service == null ? "" : "&service=" + encode(service));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String loginPage(String action, boolean kosmos, boolean rejected) {
        String errors = rejected ? "<div id=\"loginErrorsPanel\" class=\"alert alert-danger\"><p>Mauvais identifiant "
                                   + "ou mot de passe.</p></div>\n" : "";
        String formClass = kosmos ? "cas__login-form" : "fm-v clearfix";
        return Html.page(title + " - Service d'authentification", CSS, """
                <div id="login" class="login-section">
                <h2>Entrez votre identifiant et votre mot de passe.</h2>
                %s<form id="fm1" class="%s" method="post" action="%s">
                <label for="username">Identifiant :</label><input id="username" name="username" type="text" tabindex="1" autocomplete="off">
                <label for="password">Mot de passe :</label><input id="password" name="password" type="password" tabindex="2" autocomplete="off">
                <input type="hidden" name="lt" value="LT-%s">
                <input type="hidden" name="execution" value="e1s1">
                <input type="hidden" name="_eventId" value="submit">
                <input class="btn-submit" name="submit" accesskey="l" value="SE CONNECTER" tabindex="4" type="submit">
                </form>
                </div>
                """.formatted(errors, formClass, Html.escape(action), Sessions.token()) + Html.filler(4_000));
    }

    @Override
    boolean isLoginPage(String method, String path) {
        return "GET".equals(method) && ("/cas/login".equals(path) || "/login".equals(path));
    }

    @Override
    boolean isLoginSubmit(String method, String path) {
        return "POST".equals(method) && ("/cas/login".equals(path) || "/login".equals(path));
    }
}
