package fr.vigie.probes.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A small Open ENT NG look-alike on loopback, following the endpoint contract of flows.md. */
public final class FakeOpenEntNg {
    public final AtomicBoolean waitingRoom = new AtomicBoolean();
    public final AtomicInteger loginPosts = new AtomicInteger();
    public final List<String> userAgents = new CopyOnWriteArrayList<>();
    public final List<String> hosts = new CopyOnWriteArrayList<>();
    private final String user;
    private final String password;
    private HttpServer server;

    public FakeOpenEntNg(String user, String password) {
        this.user = user;
        this.password = password;
    }

    public int start(Vertx vertx) {
        Router r = Router.router(vertx);
        r.route().handler(ctx -> {
            userAgents.add(ctx.request().getHeader("User-Agent"));
            hosts.add(ctx.request().getHeader("Host"));
            ctx.next();
        });
        r.route().handler(BodyHandler.create());
        r.get("/auth/login").handler(ctx -> html(ctx, 200, waitingRoom.get() ? waitingPage() : loginPage(false)));
        r.post("/auth/login").handler(this::login);
        r.get("/assets/themes/default/theme.css").handler(ctx -> ctx.response().putHeader("Content-Type", "text/css")
                .end("body{color:#333}\n".repeat(2500)));
        r.get("/timeline/timeline").handler(ctx -> {
            if (!loggedIn(ctx)) {
                ctx.response().setStatusCode(302).putHeader("Location", "/auth/login").end();
                return;
            }
            html(ctx, 200, "<html><body><div id=\"timeline\">" + "<p>actualité</p>".repeat(3000) + "</div></body></html>");
        });
        r.get("/auth/oauth2/userinfo").handler(ctx -> {
            if (!loggedIn(ctx)) {
                ctx.response().setStatusCode(401).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("userId", "u-42").put("login", user).put("type", "ELEVE").encode());
        });
        r.post("/conversation/draft").handler(ctx -> {
            Cookie xsrf = ctx.request().getCookie("XSRF-TOKEN");
            String header = ctx.request().getHeader("X-XSRF-TOKEN");
            if (!loggedIn(ctx) || xsrf == null || !xsrf.getValue().equals(header)) {
                ctx.response().setStatusCode(403).end();
                return;
            }
            ctx.response().setStatusCode(201).end("{\"id\":\"d-1\"}");
        });
        r.get("/auth/logout").handler(ctx -> ctx.response().setStatusCode(302)
                .putHeader("Location", ctx.request().getParam("callback")).end());
        server = Await.result(vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1"));
        return server.actualPort();
    }

    private void login(RoutingContext ctx) {
        loginPosts.incrementAndGet();
        var form = ctx.request().formAttributes();
        boolean hiddenKept = "/timeline/timeline".equals(form.get("callBack"));
        if (hiddenKept && user.equals(form.get("email")) && password.equals(form.get("password"))) {
            ctx.response().addCookie(Cookie.cookie("oneSessionId", "s-1").setPath("/"))
                    .addCookie(Cookie.cookie("authenticated", "true").setPath("/"))
                    .addCookie(Cookie.cookie("XSRF-TOKEN", "x-123").setPath("/"))
                    .setStatusCode(302).putHeader("Location", "/timeline/timeline").end();
            return;
        }
        html(ctx, 200, loginPage(true));
    }

    private static boolean loggedIn(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie("oneSessionId");
        return c != null && c.getValue().equals("s-1");
    }

    private static void html(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=UTF-8").end(body);
    }

    static String loginPage(boolean failed) {
        return "<html><body>" + (failed ? "<div class=\"error\">auth.error.authenticationFailed</div>" : "")
                + "<form id=\"login-form\" method=\"post\" action=\"/auth/login\">"
                + "<input name=\"email\" type=\"text\"><input name=\"password\" type=\"password\">"
                + "<input type=\"hidden\" name=\"callBack\" value=\"/timeline/timeline\">"
                + "<input type=\"hidden\" name=\"details\" value=\"\">"
                + "<input type=\"checkbox\" name=\"rememberMe\" value=\"true\" checked>"
                + "<button type=\"submit\">Se connecter</button></form></body></html>";
    }

    static String waitingPage() {
        return "<html><body><img src=\"/assets/themes/default/img/illustrations/tooload.svg\">"
                + "<h1>Vous êtes très nombreux aujourd'hui</h1><p>Position dans la file d'attente : 1234</p>"
                + "<p>Temps d'attente estimé : 180 secondes</p></body></html>";
    }
}
