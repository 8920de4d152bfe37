package fr.vigie.app.keycloak;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** Realm representations for the tests: a French login theme, brute-force protection after 3 failures. */
final class TestRealms {
    static final int FAILURE_FACTOR = 3;
    static final String CLIENT = "ent";
    static final String SECRET = "ent-client-secret";

    private TestRealms() {
    }

    /** A fresh realm name, so tests never share state on the one server. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ObjectNode realm(String name) {
        ObjectNode r = KeycloakServer.JSON.createObjectNode();
        r.put("realm", name).put("enabled", true);
        r.put("internationalizationEnabled", true).put("defaultLocale", "fr");
        r.putArray("supportedLocales").add("fr").add("en");
        // the lock-out Vigie must never trigger: 3 failures lock the account (temporarily) for 15 minutes
        r.put("bruteForceProtected", true).put("failureFactor", FAILURE_FACTOR).put("permanentLockout", false)
                .put("waitIncrementSeconds", 900).put("maxFailureWaitSeconds", 900).put("maxDeltaTimeSeconds", 43200)
                .put("quickLoginCheckMilliSeconds", 0).put("minimumQuickLoginWaitSeconds", 60);
        r.putArray("users");
        r.putArray("clients");
        return r;
    }

    /** A confidential OIDC client (the ENT) sending the browser back to {@code redirectUri}. */
    static ObjectNode withOidcClient(ObjectNode realm, String redirectUri) {
        ObjectNode c = ((ArrayNode) realm.get("clients")).addObject();
        c.put("clientId", CLIENT).put("enabled", true).put("publicClient", false).put("secret", SECRET)
                .put("standardFlowEnabled", true).put("directAccessGrantsEnabled", false);
        c.putArray("redirectUris").add(redirectUri);
        c.putArray("webOrigins").add("+");
        ObjectNode attrs = c.putObject("attributes");
        attrs.put("post.logout.redirect.uris", "+");
        return realm;
    }

    static ObjectNode withUser(ObjectNode realm, String username, String password) {
        ObjectNode u = ((ArrayNode) realm.get("users")).addObject();
        u.put("username", username).put("enabled", true).put("email", username + "@vigie.test")
                .put("firstName", "Élève").put("lastName", "Vigie").put("emailVerified", true);
        u.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        return realm;
    }
}
