package fr.vigie.simulator.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The endpoints of one flavour (see the journey templates); subclasses mount their routes on the service router. */
abstract class FlavourRoutes {
    protected final Account account;
    protected final String title;
    protected final Sessions sessions = new Sessions();

    FlavourRoutes(Account account, String title) {
        this.account = account;
        this.title = title;
    }

    abstract void mount(Router router);

    /** Path of the flavour's main stylesheet. */
    abstract String stylesheet();

    /** The login page with its form gone: what an application fault looks like (fast 200, no form). */
    String brokenLoginPage() {
        return Html.page(title + " - Connexion", stylesheet(),
                "<section class=\"login\"><h1>" + Html.escape(title) + "</h1>"
                + "<div class=\"login-widget\" data-src=\"/widgets/login.js\"></div>"
                + "<noscript>Veuillez activer JavaScript.</noscript></section>");
    }

    /** True for a GET of the flavour's login page (the only page the waiting room and form breakage replace). */
    abstract boolean isLoginPage(String method, String path);

    /** True for a POST that submits credentials or a login assertion (costs a login, not a write). */
    abstract boolean isLoginSubmit(String method, String path);

    static void html(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body);
    }

    static void html(RoutingContext ctx, int status, Buffer body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body);
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    static void css(RoutingContext ctx, Buffer css) {
        ctx.response().putHeader("Content-Type", "text/css; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=86400").end(css);
    }

    static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader("Location", location).end();
    }

    static Cookie cookie(String name, String value) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true);
    }

    static String cookieValue(RoutingContext ctx, String name) {
        Cookie c = ctx.request().getCookie(name);
        return c == null ? null : c.getValue();
    }

    static String form(RoutingContext ctx, String name) {
        String v = ctx.request().getFormAttribute(name);
        return v == null ? "" : v;
    }
}
