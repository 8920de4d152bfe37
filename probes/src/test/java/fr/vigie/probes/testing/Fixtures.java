package fr.vigie.probes.testing;

import fr.vigie.config.Credentials;
import fr.vigie.config.Journey;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.Secret;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.run.RunnerSettings;
import fr.vigie.probes.signature.SignatureCatalogue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Config records for tests, built directly (the journeys follow docs flows.md). */
public final class Fixtures {
    public static final String USER = "eleve.vigie@example.test";
    public static final String PASSWORD = "S3cret-Pa55word!";

    private Fixtures() {
    }

    /** Generous bounds: a cold JVM on this loaded machine takes seconds for its first requests. */
    public static ProbingConfig probing() {
        return new ProbingConfig("Vigie-test/1.0", 1000, Duration.ofSeconds(3), Duration.ofSeconds(10), 2_000_000, 5,
                Duration.ofMinutes(15), List.of());
    }

    public static ProbingConfig probing(Duration stepTimeout, long maxBody) {
        return new ProbingConfig("Vigie-test/1.0", 1000, Duration.ofMillis(700), stepTimeout, maxBody, 5,
                Duration.ofMinutes(15), List.of());
    }

    public static RunnerSettings settings(ProbingConfig probing) {
        return settings(probing, null);
    }

    public static RunnerSettings settings(ProbingConfig probing, io.vertx.core.net.TrustOptions trust) {
        return new RunnerSettings(probing, RunnerSettings.userAgent(probing.userAgent(), "https://vigie.example/contact"),
                "test-vantage", SignatureCatalogue.withExtras(probing.signatures()), Map.of("ent.vigie.test", "127.0.0.1"),
                trust);
    }

    public static Credentials credentials(String user, String password) {
        return new Credentials(Secret.of("literal", user), Secret.of("literal", password));
    }

    public static Target target(String id, String baseUrl, Credentials credentials, Map<String, String> vars) {
        return new Target(id, id, TargetKind.ENT, "Test", List.of(), "C", "Test", "test-host", baseUrl, "j",
                Optional.ofNullable(credentials), "s", List.of(), vars);
    }

    public static Target target(String baseUrl) {
        return target("t-" + Math.abs(baseUrl.hashCode()), baseUrl, null, Map.of());
    }

    public static Step.Expect expect(List<Integer> status, String text, String selector) {
        return new Step.Expect(status, text, null, selector, Map.of(), null);
    }

    public static Step get(String name, StepKind kind, String path, Step.Expect expect) {
        return new Step(name, kind, path, null, null, true, Map.of(), expect, Map.of(), false);
    }

    public static Journey journey(Step... steps) {
        return new Journey("test", "test journey", List.of(steps));
    }

    /** The open-ent-ng-write journey of flows.md. */
    public static Journey openEntNgWrite() {
        Map<String, String> loginFields = new LinkedHashMap<>();
        loginFields.put("email", "{{credentials.username}}");
        loginFields.put("password", "{{credentials.password}}");
        return new Journey("open-ent-ng-write", "Open ENT NG with a write", List.of(
                new Step("login-page", StepKind.LOGIN, "/auth/login", null, null, true, Map.of(),
                        expect(List.of(200), null, "form#login-form"), Map.of(), false),
                new Step("theme", StepKind.STATIC, "/assets/themes/default/theme.css", null, null, true, Map.of(),
                        expect(List.of(200), null, null), Map.of(), false),
                new Step("login", StepKind.LOGIN, null, null, new Step.SubmitFormAction("form#login-form", loginFields),
                        false, Map.of(), new Step.Expect(List.of(302), null, null, null, Map.of(),
                        "auth.error.authenticationFailed"), Map.of(), true),
                new Step("timeline", StepKind.PAGE, "/timeline/timeline", null, null, true, Map.of(),
                        expect(List.of(200), "id=\"timeline\"", null), Map.of(), true),
                new Step("userinfo", StepKind.API, "/auth/oauth2/userinfo", null, null, true, Map.of(),
                        new Step.Expect(List.of(200), null, null, null, Map.of("/type", "ELEVE"), null),
                        Map.of("userId", new Step.Extract(null, null, null, "/userId")), true),
                new Step("post-message", StepKind.WRITE, null,
                        new Step.PostAction("/conversation/draft", null, "{\"subject\":\"vigie\",\"body\":\"sonde\"}"),
                        null, false, Map.of("X-XSRF-TOKEN", "{{cookie.XSRF-TOKEN}}"),
                        expect(List.of(201), null, null), Map.of(), true),
                new Step("logout", StepKind.PAGE, "/auth/logout?callback=/auth/login", null, null, false, Map.of(),
                        expect(List.of(302), null, null), Map.of(), true)));
    }

    /** The cas journey of flows.md. */
    public static Journey cas() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", "{{credentials.username}}");
        fields.put("password", "{{credentials.password}}");
        return new Journey("cas", "Apereo CAS", List.of(
                new Step("login-page", StepKind.LOGIN, "/cas/login?service={{vars.service}}", null, null, true,
                        Map.of(), expect(List.of(200), null, "form#fm1"), Map.of(), false),
                new Step("static", StepKind.STATIC, "/cas/css/cas.css", null, null, true, Map.of(),
                        expect(List.of(200), null, null), Map.of(), false),
                new Step("login", StepKind.LOGIN, null, null, new Step.SubmitFormAction("form#fm1", fields), true,
                        Map.of(), new Step.Expect(List.of(200), "id=\"portal\"", null, null, Map.of(),
                        "loginErrorsPanel"), Map.of(), true),
                new Step("user", StepKind.API, "/portal/api/user", null, null, true, Map.of(),
                        new Step.Expect(List.of(200), null, null, null, Map.of("/profile", "ELEVE"), null), Map.of(),
                        true),
                new Step("logout", StepKind.PAGE, "/cas/logout", null, null, true, Map.of(),
                        expect(List.of(200), "Déconnexion réussie", null), Map.of(), true)));
    }
}
