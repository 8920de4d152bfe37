package fr.vigie.app.keycloak;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.LoginBackoff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code oidc} template walked by Vigie's prober against a real Keycloak: login form with its
 * hidden fields and Secure cookies, credentials posted, code exchanged by the application, SSO session
 * recognised, logout confirmed, session gone. Over plain HTTP on loopback and over HTTPS.
 */
class OidcJourneyTest {
    static final String USER = "eleve.oidc";
    static final String PASSWORD = "Oidc-Pa55word!";
    static KeycloakServer keycloak;
    static RelyingParty rp;
    static Prober prober;
    static JourneyRunner runner;
    static String realm;

    @BeforeAll
    static void setUp() throws Exception {
        keycloak = KeycloakServer.require();
        realm = TestRealms.unique("oidc");
        rp = new RelyingParty(keycloak.http() + "/realms/" + realm + "/protocol/openid-connect/token",
                TestRealms.CLIENT, TestRealms.SECRET);
        ObjectNode r = TestRealms.withUser(TestRealms.withOidcClient(TestRealms.realm(realm), rp.callbackUrl()),
                USER, PASSWORD);
        keycloak.createRealm(r);
        prober = new Prober(keycloak.ca(), Duration.ofSeconds(20));
        runner = prober.runner(new LoginBackoff(Duration.ofMinutes(30)));
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (rp != null) {
            rp.close();
        }
        if (prober != null) {
            prober.close();
        }
    }

    static Map<String, String> vars() {
        return Map.of("realm", "/realms/" + realm, "client-id", TestRealms.CLIENT,
                "redirect-uri", KeycloakServer.enc(rp.callbackUrl()));
    }

    private List<StepResult> walk(String baseUrl, String password) {
        return Prober.run(runner, Prober.target("kc-" + realm, baseUrl, USER, password, vars()), Prober.journey("oidc"));
    }

    private void assertFullLogin(List<StepResult> results, boolean tls) {
        assertThat(results).extracting(StepResult::step).containsExactly("login-page", "static", "login", "sso",
                "logout", "logout-confirm", "logged-out");
        assertThat(results).allSatisfy(res -> {
            assertThat(res.outcome()).as(res.step() + ": " + res.detail()).isEqualTo(Outcome.OK);
            assertThat(res.status()).isEqualTo(200);
            if (tls) {
                assertThat(res.tlsMs()).as("HTTPS: TLS timed").isNotNull();
            }
        });
    }

    @Test
    void loginOverPlainHttpOnLoopbackSendsKeycloaksSecureCookiesBack() {
        int before = rp.codesExchanged.get();
        assertFullLogin(walk(keycloak.http(), PASSWORD), false);
        assertThat(rp.codesExchanged.get() - before).as("login and SSO each gave a code the application exchanged")
                .isEqualTo(2);
    }

    @Test
    void loginOverHttps() {
        int before = rp.codesExchanged.get();
        assertFullLogin(walk(keycloak.https(), PASSWORD), true);
        assertThat(rp.codesExchanged.get() - before).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsLoginRejectedAndTheRestSkipped() {
        List<StepResult> results = Prober.run(prober.runner(new LoginBackoff(Duration.ofMinutes(30))),
                Prober.target("kc-wrong-" + realm, keycloak.http(), USER, "not-the-password", vars()),
                Prober.journey("oidc"));
        assertThat(results.get(2).step()).isEqualTo("login");
        assertThat(results.get(2).outcome()).as(results.get(2).detail()).isEqualTo(Outcome.LOGIN_REJECTED);
        assertThat(results.subList(3, results.size())).extracting(StepResult::outcome).containsOnly(Outcome.SKIPPED)
                .hasSize(4);
    }
}
