package fr.vigie.simulator.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Open ENT NG (entcore): /auth/login form, timeline, userinfo, XSRF-checked draft, logout. */
final class OpenEntNgRoutes extends FlavourRoutes {
    static final String THEME = "/assets/themes/default/theme.css";
    /** Built on first use, then shared by every request (handlers of one service may run on several loops). */
    private volatile Buffer timeline;
    private volatile Buffer loginForm;

    OpenEntNgRoutes(Account account, String title) {
        super(account, title);
    }

    @Override
    String stylesheet() {
        return THEME;
    }

    @Override
    void mount(Router router) {
        router.get("/").handler(ctx -> redirect(ctx, "/auth/login"));
        router.get("/auth/login").handler(ctx -> html(ctx, 200, loginForm()));
        router.post("/auth/login").handler(this::login);
        router.get(THEME).handler(ctx -> css(ctx, Assets.css("theme", 40_000)));
        router.get("/auth/context").handler(ctx -> json(ctx, 200, new JsonObject().put("callBack", "/timeline/timeline")));
        router.get("/timeline/timeline").handler(ctx -> {
            if (user(ctx) == null) {
                redirect(ctx, "/auth/login");
            } else {
                html(ctx, 200, timelinePage());
            }
        });
        router.get("/auth/oauth2/userinfo").handler(ctx -> {
            String user = user(ctx);
            if (user == null) {
                json(ctx, 401, new JsonObject().put("error", "invalid_token"));
            } else {
                json(ctx, 200, new JsonObject().put("userId", "u-" + Integer.toHexString(user.hashCode()))
                        .put("login", user).put("type", "ELEVE").put("structures", new io.vertx.core.json.JsonArray()
                                .add("lycee-demo")));
            }
        });
        router.post("/conversation/draft").handler(this::draft);
        router.get("/auth/logout").handler(ctx -> {
            sessions.close(cookieValue(ctx, "oneSessionId"));
            ctx.response().addCookie(cookie("oneSessionId", "").setMaxAge(0))
                    .addCookie(cookie("authenticated", "").setMaxAge(0));
            String callback = ctx.request().getParam("callback");
            redirect(ctx, callback == null || !callback.startsWith("/") ? "/auth/login" : callback);
        });
    }

    /** The login page without error, the same for everyone: encoded once, like the timeline. */
    private Buffer loginForm() {
        Buffer page = loginForm;
        if (page == null) {
            page = Buffer.buffer(loginPage(false));
            loginForm = page;
        }
        return page;
    }

    /** The same 55 KB for every user: encoded once, as the simulated platform's CPU is not what is measured. */
    private Buffer timelinePage() {
        Buffer page = timeline;
        if (page == null) {
            page = Buffer.buffer(Html.page(title + " - Fil de nouveautés", THEME,
                    "<section id=\"timeline\" class=\"timeline\">\n" + Html.filler(55_000) + "</section>"));
            timeline = page;
        }
        return page;
    }

    private void login(RoutingContext ctx) {
        if (!account.matches(form(ctx, "email"), form(ctx, "password"))) {
            html(ctx, 200, loginPage(true));
            return;
        }
        String sid = sessions.open(account.username());
        ctx.response().addCookie(cookie("oneSessionId", sid))
                .addCookie(Cookie.cookie("authenticated", "true").setPath("/"))
                .addCookie(Cookie.cookie("XSRF-TOKEN", Sessions.token()).setPath("/"));
        redirect(ctx, "/timeline/timeline");
    }

    private void draft(RoutingContext ctx) {
        if (user(ctx) == null) {
            json(ctx, 401, new JsonObject().put("error", "not.authenticated"));
            return;
        }
        String header = ctx.request().getHeader("X-XSRF-TOKEN");
        String cookie = cookieValue(ctx, "XSRF-TOKEN");
        if (header == null || cookie == null || !header.equals(cookie)) {
            json(ctx, 403, new JsonObject().put("error", "xsrf.token.invalid"));
            return;
        }
        json(ctx, 201, new JsonObject().put("id", Sessions.token()));
    }

    private String user(RoutingContext ctx) {
        return sessions.user(cookieValue(ctx, "oneSessionId"));
    }

    String loginPage(boolean rejected) {
        String error = rejected
                ? "<div class=\"warning\" i18n=\"auth.error.authenticationFailed\">auth.error.authenticationFailed : "
                  + "identifiant ou mot de passe incorrect.</div>\n" : "";
        return Html.page(title + " - Connexion", THEME, """
                <section class="login">
                <h1>Bienvenue sur %s</h1>
                %s<form id="login-form" method="post" action="/auth/login">
                <label for="email">Identifiant</label><input id="email" type="text" name="email" autocomplete="username">
                <label for="password">Mot de passe</label><input id="password" type="password" name="password" autocomplete="current-password">
                <input type="hidden" name="callBack" value="/timeline/timeline">
                <input type="hidden" name="details" value="">
                <input type="hidden" name="rememberMe" value="true">
                <button type="submit" class="button">Se connecter</button>
                </form>
                <p><a href="/auth/forgot-password">Identifiant ou mot de passe oublié ?</a></p>
                </section>
                """.formatted(Html.escape(title), error) + Html.filler(6_000));
    }

    /** The entcore quota page, answered 200 on GET /auth/login when the host's queue is too long. */
    String waitingPage(int position, int waitSeconds) {
        return Html.page(title + " - File d'attente", THEME, """
                <section class="tooload">
                <img src="/assets/themes/default/img/illustrations/tooload.svg" alt="">
                <h1>Vous êtes très nombreux aujourd'hui</h1>
                <p>À situation exceptionnelle, mesures exceptionnelles : pour garantir l'accès au plus grand nombre,
                nous appliquons une logique de quota. Merci de patienter, vous serez connecté automatiquement.</p>
                <p class="queue">Position dans la file d'attente : %d</p>
                <p class="wait">Temps d'attente estimé : %d secondes</p>
                </section>
                """.formatted(position, waitSeconds));
    }

    @Override
    String brokenLoginPage() {
        return Html.page(title + " - Connexion", THEME,
                "<section class=\"login\"><h1>Bienvenue sur " + Html.escape(title) + "</h1>"
                + "<div ng-include=\"'/auth/public/template/login-form.html'\"></div>"
                + "<noscript>Veuillez activer JavaScript.</noscript></section>");
    }

    @Override
    boolean isLoginPage(String method, String path) {
        return "GET".equals(method) && "/auth/login".equals(path);
    }

    @Override
    boolean isLoginSubmit(String method, String path) {
        return "POST".equals(method) && "/auth/login".equals(path);
    }
}
