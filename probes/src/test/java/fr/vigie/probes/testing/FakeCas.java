package fr.vigie.probes.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** A small Apereo CAS + portal look-alike on loopback (flows.md): hidden lt/execution, ticket, session. */
public final class FakeCas {
    private final String user;
    private final String password;
    private int port;

    public FakeCas(String user, String password) {
        this.user = user;
        this.password = password;
    }

    public int start(Vertx vertx) {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.get("/cas/login").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html")
                .end(form(ctx.request().getParam("service"), false)));
        r.get("/cas/css/cas.css").handler(ctx -> ctx.response().end("a{b:c}\n".repeat(3000)));
        r.post("/cas/login").handler(ctx -> {
            var f = ctx.request().formAttributes();
            String service = ctx.request().getParam("service");
            boolean hidden = "LT-1-abc".equals(f.get("lt")) && "e1s1".equals(f.get("execution"))
                    && "submit".equals(f.get("_eventId"));
            if (hidden && user.equals(f.get("username")) && password.equals(f.get("password"))) {
                ctx.response().addCookie(Cookie.cookie("TGC", "TGT-1").setPath("/cas")).setStatusCode(302)
                        .putHeader("Location", service + "?ticket=ST-1").end();
                return;
            }
            ctx.response().putHeader("Content-Type", "text/html").end(form(service, true));
        });
        r.get("/portal/").handler(ctx -> {
            if (!"ST-1".equals(ctx.request().getParam("ticket"))) {
                ctx.response().setStatusCode(403).end();
                return;
            }
            ctx.response().addCookie(Cookie.cookie("JSESSIONID", "J-1").setPath("/portal"))
                    .end("<html><body><div id=\"portal\">Bienvenue</div></body></html>");
        });
        r.get("/portal/api/user").handler(ctx -> {
            Cookie c = ctx.request().getCookie("JSESSIONID");
            if (c == null || !c.getValue().equals("J-1")) {
                ctx.response().setStatusCode(401).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json")
                    .end("{\"login\":\"" + user + "\",\"profile\":\"ELEVE\"}");
        });
        r.get("/cas/logout").handler(ctx -> ctx.response().end("<p>Déconnexion réussie</p>"));
        HttpServer server = Await.result(vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1"));
        port = server.actualPort();
        return port;
    }

    private static String form(String service, boolean failed) {
        return "<html><body>" + (failed ? "<div id=\"loginErrorsPanel\">Mauvais identifiants</div>" : "")
                + "<form id=\"fm1\" method=\"post\" action=\"/cas/login?service=" + service + "\">"
                + "<input name=\"username\"><input name=\"password\" type=\"password\">"
                + "<input type=\"hidden\" name=\"lt\" value=\"LT-1-abc\">"
                + "<input type=\"hidden\" name=\"execution\" value=\"e1s1\">"
                + "<input type=\"hidden\" name=\"_eventId\" value=\"submit\">"
                + "<input type=\"submit\" name=\"submit\" value=\"SE CONNECTER\"></form></body></html>";
    }
}
