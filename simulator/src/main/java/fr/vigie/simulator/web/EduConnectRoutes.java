package fr.vigie.simulator.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ÉduConnect (Shibboleth IdP): login form, auto-submitting SAML POST form, service provider ACS and home. */
final class EduConnectRoutes extends FlavourRoutes {
    static final String SSO = "/idp/profile/SAML2/Redirect/SSO";
    static final String CSS = "/idp/css/educonnect.css";
    private final Sessions assertions = new Sessions();

    EduConnectRoutes(Account account, String title) {
        super(account, title);
    }

    @Override
    String stylesheet() {
        return CSS;
    }

    @Override
    void mount(Router router) {
        router.get("/").handler(ctx -> redirect(ctx, SSO + "?execution=e1s1"));
        router.get(SSO).handler(ctx -> html(ctx, 200, loginPage(false)));
        router.post(SSO).handler(this::login);
        router.get(CSS).handler(ctx -> css(ctx, Assets.css("educonnect", 25_000)));
        router.post("/sp/acs").handler(this::acs);
        router.get("/sp/home").handler(ctx -> {
            if (sessions.user(cookieValue(ctx, "SPSESSION")) == null) {
                redirect(ctx, SSO + "?execution=e1s1");
            } else {
                html(ctx, 200, Html.page("Espace personnel", CSS, "<section id=\"sp-home\"><h1>Mon espace</h1>\n"
                        + Html.filler(20_000) + "</section>"));
            }
        });
        router.get("/idp/profile/Logout").handler(ctx -> {
            sessions.close(cookieValue(ctx, "SPSESSION"));
            html(ctx, 200, Html.page("Déconnexion", CSS, "<p>Vous êtes déconnecté d'ÉduConnect.</p>"));
        });
    }

    private void login(RoutingContext ctx) {
        if (!account.matches(form(ctx, "j_username"), form(ctx, "j_password"))) {
            html(ctx, 200, loginPage(true));
            return;
        }
        String id = assertions.open(account.username());
        String assertion = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_" + id
                + "\"><saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Subject>"
                + Html.escape(account.username()) + "</saml:Subject></saml:Assertion></samlp:Response>";
        String encoded = Base64.getEncoder().encodeToString(assertion.getBytes(StandardCharsets.UTF_8));
        html(ctx, 200, Html.page("ÉduConnect", CSS, """
                <noscript><p>Votre navigateur ne supporte pas JavaScript : cliquez sur Continuer.</p></noscript>
                <form method="post" action="/sp/acs">
                <input type="hidden" name="SAMLResponse" value="%s">
                <input type="hidden" name="RelayState" value="ss:mem:%s">
                <noscript><input type="submit" value="Continuer"></noscript>
                </form>
                <script>document.forms[0].submit();</script>
                """.formatted(encoded, Sessions.token())));
    }

    private void acs(RoutingContext ctx) {
        String user = null;
        try {
            String xml = new String(Base64.getDecoder().decode(form(ctx, "SAMLResponse")), StandardCharsets.UTF_8);
            int start = xml.indexOf("ID=\"_");
            if (start >= 0) {
                user = assertions.consume(xml.substring(start + 5, xml.indexOf('"', start + 5)));
            }
        } catch (IllegalArgumentException e) {
            user = null;
        }
        if (user == null) {
            html(ctx, 403, Html.page("Erreur", CSS, "<p>Assertion SAML invalide.</p>"));
            return;
        }
        ctx.response().addCookie(cookie("SPSESSION", sessions.open(user)));
        redirect(ctx, "/sp/home");
    }

    private String loginPage(boolean rejected) {
        String error = rejected ? "<p class=\"fr-error-text\">Identifiant ou mot de passe incorrect</p>\n" : "";
        return Html.page("ÉduConnect - Connexion", CSS, """
                <section class="educonnect"><h1>Je me connecte avec mon compte ÉduConnect</h1>
                %s<form id="educonnect-login" method="post" action="%s?execution=e1s2">
                <label for="j_username">Identifiant</label><input id="j_username" name="j_username" type="text">
                <label for="j_password">Mot de passe</label><input id="j_password" name="j_password" type="password">
                <input type="hidden" name="_eventId_proceed" value="">
                <button type="submit">Se connecter</button>
                </form></section>
                """.formatted(error, SSO) + Html.filler(4_000));
    }

    @Override
    boolean isLoginPage(String method, String path) {
        return "GET".equals(method) && SSO.equals(path);
    }

    @Override
    boolean isLoginSubmit(String method, String path) {
        return "POST".equals(method) && (SSO.equals(path) || "/sp/acs".equals(path));
    }
}
