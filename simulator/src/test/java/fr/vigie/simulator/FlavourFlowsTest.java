package fr.vigie.simulator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static fr.vigie.simulator.FleetFixture.PASSWORD;
import static fr.vigie.simulator.FleetFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

/** Walks each flavour's journey with the documented form fields and cookies, as the journey templates do. */
class FlavourFlowsTest {
    private static FleetFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new FleetFixture(FleetFixture.oneOfEach(), SimOptions.quiet());
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void openEntNgLoginTimelineUserinfoDraftLogout() throws Exception {
        Browser b = new Browser(false);
        HttpResponse<String> page = b.get(fx.url("ent-a", "/auth/login"));
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("form#login-form[method=post][action=/auth/login]")).hasSize(1);
        assertThat(doc.select("input[name=callBack]").attr("value")).isEqualTo("/timeline/timeline");
        assertThat(doc.select("input[name=details], input[name=rememberMe]")).hasSize(2);
        assertThat(page.body().length()).isGreaterThan(5_000);

        HttpResponse<String> css = b.get(fx.url("ent-a", "/assets/themes/default/theme.css"));
        assertThat(css.body().length()).isBetween(35_000, 45_000);
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));

        HttpResponse<String> login = b.submit(fx.url("ent-a", "/auth/login"), page.body(), "form#login-form",
                Map.of("email", USER, "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue("/timeline/timeline");
        assertThat(b.cookie("oneSessionId")).isNotBlank();
        assertThat(b.cookie("authenticated")).isEqualTo("true");
        assertThat(b.cookie("XSRF-TOKEN")).isNotBlank();

        HttpResponse<String> timeline = b.get(fx.url("ent-a", "/timeline/timeline"));
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).contains("id=\"timeline\"");
        assertThat(timeline.body().length()).isGreaterThan(50_000);

        HttpResponse<String> userinfo = b.get(fx.url("ent-a", "/auth/oauth2/userinfo"));
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(userinfo.body()).contains("\"type\":\"ELEVE\"").contains("\"login\":\"" + USER + "\"");

        String draft = "{\"subject\":\"vigie\",\"body\":\"sonde\"}";
        assertThat(b.post(fx.url("ent-a", "/conversation/draft"), "application/json", draft).statusCode())
                .as("write without X-XSRF-TOKEN").isEqualTo(403);
        assertThat(b.post(fx.url("ent-a", "/conversation/draft"), "application/json", draft,
                "X-XSRF-TOKEN", "forged").statusCode()).as("wrong X-XSRF-TOKEN").isEqualTo(403);
        HttpResponse<String> posted = b.post(fx.url("ent-a", "/conversation/draft"), "application/json", draft,
                "X-XSRF-TOKEN", b.cookie("XSRF-TOKEN"));
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(posted.body()).contains("\"id\"");

        HttpResponse<String> logout = b.get(fx.url("ent-a", "/auth/logout?callback=/auth/login"));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(b.get(fx.url("ent-a", "/auth/oauth2/userinfo")).statusCode()).isEqualTo(401);
    }

    @Test
    void openEntNgRejectsAWrongPasswordWithTheDocumentedPage() throws Exception {
        Browser b = new Browser(false);
        HttpResponse<String> page = b.get(fx.url("ent-a", "/auth/login"));
        HttpResponse<String> login = b.submit(fx.url("ent-a", "/auth/login"), page.body(), "form#login-form",
                Map.of("email", USER, "password", "wrong"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("auth.error.authenticationFailed").contains("form id=\"login-form\"");
        assertThat(b.cookie("oneSessionId")).isNull();
        assertThat(b.get(fx.url("ent-a", "/auth/oauth2/userinfo")).statusCode()).isEqualTo(401);
    }

    @Test
    void casLoginFollowsTheTicketToThePortal() throws Exception {
        String service = fx.url("ent-cas", "/portal/");
        String encoded = java.net.URLEncoder.encode(service, java.nio.charset.StandardCharsets.UTF_8);
        Browser b = new Browser(true);
        HttpResponse<String> page = b.get(fx.url("ent-cas", "/cas/login?service=" + encoded));
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("form#fm1 input[name=lt]").attr("value")).startsWith("LT-");
        assertThat(doc.select("form#fm1 input[name=execution]").attr("value")).startsWith("e1s1");
        assertThat(doc.select("form#fm1 input[name=_eventId]").attr("value")).isEqualTo("submit");
        assertThat(b.get(fx.url("ent-cas", "/cas/css/cas.css")).body().length()).isBetween(18_000, 25_000);

        HttpResponse<String> wrong = b.submit(page.uri().toString(), page.body(), "form#fm1",
                Map.of("username", USER, "password", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"loginErrorsPanel\"");

        HttpResponse<String> portal = b.submit(page.uri().toString(), page.body(), "form#fm1",
                Map.of("username", USER, "password", PASSWORD));
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("id=\"portal\"");
        assertThat(portal.uri().getQuery()).startsWith("ticket=ST-");
        assertThat(b.cookie("TGC")).startsWith("TGT-");
        assertThat(b.cookie("JSESSIONID")).isNotBlank();
        assertThat(b.get(fx.url("ent-cas", "/portal/api/user")).body()).contains("\"profile\":\"ELEVE\"");
        assertThat(b.post(fx.url("ent-cas", "/portal/api/messages"), "application/x-www-form-urlencoded",
                "subject=vigie&body=sonde").statusCode()).isEqualTo(201);
        assertThat(b.get(fx.url("ent-cas", "/cas/logout")).body()).contains("Déconnexion réussie");
        assertThat(new Browser(false).get(fx.url("ent-cas", "/portal/api/user")).statusCode()).isEqualTo(401);
    }

    @Test
    void casTicketRedirectIsA302WithoutFollowingAndKosmosPathsWork() throws Exception {
        String encoded = java.net.URLEncoder.encode(fx.url("ent-cas", "/portal/"), java.nio.charset.StandardCharsets.UTF_8);
        Browser b = new Browser(false);
        HttpResponse<String> page = b.get(fx.url("ent-cas", "/login?selection=ELEVE&service=" + encoded));
        assertThat(Jsoup.parse(page.body()).select("form.cas__login-form#fm1")).hasSize(1);
        HttpResponse<String> login = b.submit(page.uri().toString(), page.body(), "form#fm1",
                Map.of("username", USER, "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow())
                .startsWith(fx.url("ent-cas", "/portal/?ticket=ST-"));
    }

    @Test
    void cnedLoginCoursesVirtualClassHomeworkLogout() throws Exception {
        Browser b = new Browser(false);
        HttpResponse<String> page = b.get(fx.url("cned", "/login"));
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("form#cned-login[action=/login] input[name=_csrf]").attr("value")).isNotBlank();
        assertThat(b.get(fx.url("cned", "/static/cned.css")).statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = b.submit(page.uri().toString(), page.body(), "form#cned-login",
                Map.of("username", USER, "password", "bad"));
        assertThat(wrong.body()).contains("Identifiant ou mot de passe incorrect");

        HttpResponse<String> page2 = b.get(fx.url("cned", "/login"));
        HttpResponse<String> login = b.submit(page2.uri().toString(), page2.body(), "form#cned-login",
                Map.of("username", USER, "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue("/mes-cours");
        assertThat(b.cookie("CNEDSESSION")).isNotBlank();
        assertThat(b.get(fx.url("cned", "/mes-cours")).body()).contains("id=\"mes-cours\"");
        assertThat(b.get(fx.url("cned", "/classe-virtuelle/rejoindre?classe=demo")).body())
                .contains("id=\"classe-virtuelle\"");
        assertThat(b.post(fx.url("cned", "/api/devoirs"), "application/json", "{\"titre\":\"sonde\"}").statusCode())
                .isEqualTo(201);
        assertThat(b.get(fx.url("cned", "/logout")).statusCode()).isEqualTo(302);
        assertThat(b.get(fx.url("cned", "/mes-cours")).statusCode()).isEqualTo(302);
    }

    @Test
    void cnedRefusesAPostWithoutAValidCsrfToken() throws Exception {
        Browser b = new Browser(false);
        HttpResponse<String> r = b.post(fx.url("cned", "/login"), "application/x-www-form-urlencoded",
                "username=" + USER + "&password=" + PASSWORD + "&_csrf=forged");
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void educonnectLoginPostsTheSamlResponseToTheServiceProvider() throws Exception {
        Browser b = new Browser(true);
        HttpResponse<String> page = b.get(fx.url("educonnect", "/idp/profile/SAML2/Redirect/SSO?execution=e1s1"));
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("form#educonnect-login input[name=_eventId_proceed]")).hasSize(1);
        assertThat(doc.select("form#educonnect-login").attr("action"))
                .isEqualTo("/idp/profile/SAML2/Redirect/SSO?execution=e1s2");
        assertThat(b.get(fx.url("educonnect", "/idp/css/educonnect.css")).statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = b.submit(page.uri().toString(), page.body(), "form#educonnect-login",
                Map.of("j_username", USER, "j_password", "bad"));
        assertThat(wrong.body()).contains("Identifiant ou mot de passe incorrect").doesNotContain("SAMLResponse");

        HttpResponse<String> saml = b.submit(page.uri().toString(), page.body(), "form#educonnect-login",
                Map.of("j_username", USER, "j_password", PASSWORD));
        assertThat(saml.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(saml.body()).select("input[name=SAMLResponse]")).hasSize(1);
        HttpResponse<String> home = b.submit(saml.uri().toString(), saml.body(), "form[action$=/sp/acs]", Map.of());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"sp-home\"");
        assertThat(b.cookie("SPSESSION")).isNotBlank();
        assertThat(b.get(fx.url("educonnect", "/idp/profile/Logout")).statusCode()).isEqualTo(200);
    }

    @Test
    void controlAnswersItsPage() throws Exception {
        HttpResponse<String> r = new Browser(false).get(fx.url("control", "/"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Vigie control");
        assertThat(fx.fleet.requestCount("control")).isPositive();
    }
}
