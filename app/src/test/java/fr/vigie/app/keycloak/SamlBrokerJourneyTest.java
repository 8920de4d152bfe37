package fr.vigie.app.keycloak;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.LoginBackoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code saml-broker} template against a real realm pair: one realm is the SAML identity provider
 * (ÉduConnect's part), the other brokers it for the ENT's OIDC client; the auto-submitted SAMLRequest and
 * SAMLResponse forms are followed with the POST binding, the brokered account is created on first login.
 */
class SamlBrokerJourneyTest {
    static final String USER = "eleve.saml";
    static final String PASSWORD = "Saml-Pa55word!";
    static final String ALIAS = "educonnect";

    @Test
    void loginThroughTheBrokeredSamlProviderThenSso() throws Exception {
        KeycloakServer kc = KeycloakServer.require();
        String idp = TestRealms.unique("edu");
        String sp = TestRealms.unique("ent");
        String spEntity = kc.http() + "/realms/" + sp;
        String acs = spEntity + "/broker/" + ALIAS + "/endpoint";
        try (RelyingParty rp = new RelyingParty(spEntity + "/protocol/openid-connect/token", TestRealms.CLIENT,
                TestRealms.SECRET); Prober prober = new Prober(null, Duration.ofSeconds(20))) {
            ObjectNode provider = TestRealms.withUser(TestRealms.realm(idp), USER, PASSWORD);
            ObjectNode saml = ((ArrayNode) provider.get("clients")).addObject();
            saml.put("clientId", spEntity).put("protocol", "saml").put("enabled", true);
            saml.putArray("redirectUris").add(acs);
            saml.putObject("attributes").put("saml.client.signature", "false").put("saml.force.post.binding", "true")
                    .put("saml_assertion_consumer_url_post", acs).put("saml_name_id_format", "username");
            ArrayNode mappers = saml.putArray("protocolMappers");
            for (String attr : List.of("email", "firstName", "lastName")) {
                mappers.addObject().put("name", attr).put("protocol", "saml").put("protocolMapper", "saml-user-property-mapper")
                        .putObject("config").put("user.attribute", attr).put("attribute.name", attr)
                        .put("attribute.nameformat", "Basic");
            }
            kc.createRealm(provider);

            ObjectNode broker = TestRealms.withOidcClient(TestRealms.realm(sp), rp.callbackUrl());
            broker.putArray("identityProviders").addObject().put("alias", ALIAS).put("providerId", "saml")
                    .put("enabled", true).put("trustEmail", true).putObject("config")
                    .put("singleSignOnServiceUrl", kc.http() + "/realms/" + idp + "/protocol/saml")
                    .put("postBindingResponse", "true").put("postBindingAuthnRequest", "true")
                    .put("validateSignature", "false").put("wantAuthnRequestsSigned", "false")
                    .put("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified")
                    .put("principalType", "SUBJECT").put("syncMode", "IMPORT").put("entityId", spEntity);
            ArrayNode idpMappers = broker.putArray("identityProviderMappers");
            for (String attr : List.of("email", "firstName", "lastName")) {
                idpMappers.addObject().put("name", attr).put("identityProviderAlias", ALIAS)
                        .put("identityProviderMapper", "saml-user-attribute-idp-mapper").putObject("config")
                        .put("syncMode", "INHERIT").put("attribute.name", attr).put("user.attribute", attr);
            }
            kc.createRealm(broker);

            Map<String, String> vars = Map.of("realm", "/realms/" + sp, "client-id", TestRealms.CLIENT,
                    "redirect-uri", KeycloakServer.enc(rp.callbackUrl()), "idp", ALIAS);
            List<StepResult> results = Prober.run(prober.runner(new LoginBackoff(Duration.ofMinutes(30))),
                    Prober.target("kc-saml", kc.http(), USER, PASSWORD, vars), Prober.journey("saml-broker"));

            assertThat(results).extracting(StepResult::step).containsExactly("login-page", "saml-request", "login",
                    "saml-post", "sso");
            assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.step() + ": " + r.detail())
                    .isEqualTo(Outcome.OK));
            assertThat(rp.codesExchanged.get()).as("the brokered login and the SSO each gave a real code").isEqualTo(2);
            // the brokered account exists in the ENT's realm, linked to the provider
            assertThat(kc.userId(sp, USER)).isNotBlank();

            List<StepResult> wrong = Prober.run(prober.runner(new LoginBackoff(Duration.ofMinutes(30))),
                    Prober.target("kc-saml-wrong", kc.http(), USER, "Not-The-Pa55word", vars), Prober.journey("saml-broker"));
            assertThat(wrong.get(2).outcome()).as(wrong.get(2).detail()).isEqualTo(Outcome.LOGIN_REJECTED);
        }
    }
}
