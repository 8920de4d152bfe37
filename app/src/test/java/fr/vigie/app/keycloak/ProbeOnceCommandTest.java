package fr.vigie.app.keycloak;

import fr.vigie.app.VigieCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigie probe-once} against the real Keycloak: every step printed with timings, secrets masked. */
class ProbeOnceCommandTest {
    static final String USER = "eleve.cli";
    static final String PASSWORD = "Cli-Pa55word!";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vigie(String... args) {
        CommandLine cli = new CommandLine(new VigieCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path config(String baseUrl, String realm, String callback, String password) throws Exception {
        Path secret = Files.writeString(dir.resolve("password.txt"), password);
        return Files.writeString(dir.resolve("kc.yaml"), """
                storage:
                  type: embedded
                  path: %s
                targets:
                  - id: kc-ent
                    kind: sso
                    base-url: %s
                    journey: oidc
                    credentials:
                      username: %s
                      password: file:%s
                    vars:
                      realm: /realms/%s
                      client-id: %s
                      redirect-uri: %s
                """.formatted(dir.resolve("var/vigie.db"), baseUrl, USER, secret, realm, TestRealms.CLIENT,
                KeycloakServer.enc(callback)));
    }

    @Test
    void printsEveryStepWithTimingsAndMasksTheCredentials() throws Exception {
        KeycloakServer keycloak = KeycloakServer.require();
        String realm = TestRealms.unique("cli");
        try (RelyingParty rp = new RelyingParty(keycloak.http() + "/realms/" + realm + "/protocol/openid-connect/token",
                TestRealms.CLIENT, TestRealms.SECRET)) {
            keycloak.createRealm(TestRealms.withUser(TestRealms.withOidcClient(TestRealms.realm(realm),
                    rp.callbackUrl()), USER, PASSWORD));
            Path file = config(keycloak.https(), realm, rp.callbackUrl(), PASSWORD);

            int code = vigie("probe-once", "--config", file.toString(), "--target", "kc-ent",
                    "--trust", keycloak.ca().toString());

            String printed = out.toString();
            assertThat(code).as(printed + err).isZero();
            assertThat(printed).contains("journey oidc").contains("result: 7 steps, 7 ok");
            for (String step : new String[] {"login-page", "static", "login", "sso", "logout", "logout-confirm", "logged-out"}) {
                assertThat(printed).containsPattern("\\n  " + step + " +\\w+ +ok +200 +[-\\d.]+ +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d");
            }
            assertThat(printed).doesNotContain(PASSWORD).doesNotContain(USER);
            assertThat(printed + err).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aWrongPasswordExitsOneAndIsMaskedAndAnUnknownTargetExitsTwo() throws Exception {
        KeycloakServer keycloak = KeycloakServer.require();
        String realm = TestRealms.unique("cli");
        try (RelyingParty rp = new RelyingParty(keycloak.http() + "/realms/" + realm + "/protocol/openid-connect/token",
                TestRealms.CLIENT, TestRealms.SECRET)) {
            keycloak.createRealm(TestRealms.withUser(TestRealms.withOidcClient(TestRealms.realm(realm),
                    rp.callbackUrl()), USER, PASSWORD));
            Path file = config(keycloak.http(), realm, rp.callbackUrl(), "Wrong-Pa55word!");

            assertThat(vigie("probe-once", "--config", file.toString(), "--target", "kc-ent")).isEqualTo(1);
            assertThat(out.toString()).contains("login_rejected").contains("first failure: login login_rejected")
                    .doesNotContain("Wrong-Pa55word!");
            // the back-off file beside the store: a second check by hand does not try the password again
            assertThat(vigie("probe-once", "--config", file.toString(), "--target", "kc-ent")).isEqualTo(1);
            assertThat(out.toString()).contains("compte en pause");
            assertThat(keycloak.bruteForce(realm, keycloak.userId(realm, USER)).path("numFailures").asInt()).isEqualTo(1);

            assertThat(vigie("probe-once", "--config", file.toString(), "--target", "nope")).isEqualTo(2);
            assertThat(err.toString()).contains("no target 'nope'").contains("kc-ent");
        }
    }
}
