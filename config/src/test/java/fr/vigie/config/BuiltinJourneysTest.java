package fr.vigie.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltinJourneysTest {
    private final Map<String, Journey> journeys = ConfigLoader.builtinJourneys();

    @Test
    void everyShippedTemplateLoadsWithTheSameValidator() {
        assertThat(journeys).containsOnlyKeys("open-ent-ng", "open-ent-ng-write", "cas", "cas-write", "kosmos",
                "kosmos-write", "educonnect", "cned", "cned-write", "control", "public-page", "oidc", "saml-broker");
    }

    @Test
    void openEntNgGetsTheLoginPageFirstAndOnlyTheWriteVariantWrites() {
        Journey plain = journeys.get("open-ent-ng");
        assertThat(plain.steps()).extracting(Step::name)
                .containsExactly("login-page", "theme", "login", "timeline", "userinfo", "logout");
        Step first = plain.steps().get(0);
        assertThat(first.get()).isEqualTo("/auth/login");
        assertThat(first.needsLogin()).isFalse();
        assertThat(first.expect().selector()).isEqualTo("form#login-form");
        Step login = plain.steps().get(2);
        assertThat(login.submitForm().fields()).containsEntry("email", "{{credentials.username}}");
        assertThat(login.followRedirects()).isFalse();
        assertThat(login.expect().status()).containsExactly(302);
        assertThat(login.expect().loginRejectedText()).isEqualTo("auth.error.authenticationFailed");

        Journey write = journeys.get("open-ent-ng-write");
        assertThat(write.steps()).extracting(Step::name)
                .containsExactly("login-page", "theme", "login", "timeline", "userinfo", "post-message", "logout");
        Step post = write.steps().get(5);
        assertThat(post.kind()).isEqualTo(StepKind.WRITE);
        assertThat(post.post().json()).isEqualTo("{\"subject\":\"vigie\",\"body\":\"sonde\"}");
        assertThat(post.headers()).containsEntry("X-XSRF-TOKEN", "{{cookie.XSRF-TOKEN}}");
    }

    @Test
    void casAndKosmosFollowTheTicketRedirectToThePortal() {
        Step casLogin = journeys.get("cas").steps().get(2);
        assertThat(casLogin.followRedirects()).isTrue();
        assertThat(casLogin.expect().text()).isEqualTo("id=\"portal\"");
        assertThat(journeys.get("cas").steps().get(0).get()).isEqualTo("/cas/login?service={{vars.service}}");
        assertThat(journeys.get("kosmos").steps().get(0).get())
                .isEqualTo("/login?selection=ELEVE&service={{vars.service}}");
        assertThat(journeys.get("kosmos-write").steps()).extracting(Step::name).contains("post-message");
        assertThat(journeys.get("cas-write").steps().get(4).post().form())
                .containsEntry("subject", "vigie").containsEntry("body", "sonde");
    }

    @Test
    void educonnectPostsTheSamlResponseBackAndPublicPageAcceptsRedirects() {
        Step saml = journeys.get("educonnect").steps().get(3);
        assertThat(saml.name()).isEqualTo("saml-post");
        assertThat(saml.submitForm().selector()).isEqualTo("form[action$=/sp/acs]");
        assertThat(saml.submitForm().fields()).isEmpty();
        assertThat(journeys.get("public-page").steps().get(0).expect().status()).hasSize(200).startsWith(200)
                .endsWith(399);
        assertThat(journeys.get("control").steps().get(0).expect().text()).isEqualTo("Vigie control");
        assertThat(journeys.get("cned-write").steps()).extracting(Step::name)
                .containsExactly("login-page", "static", "login", "courses", "virtual-class", "homework", "logout");
    }
}
