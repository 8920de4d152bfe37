package fr.vigie.app.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Keycloak on loopback, started by {@code .ci/keycloak.sh} (from {@code .ci/run}) and described by the
 * {@code VIGIE_TEST_KEYCLOAK*} variables; its realms are set up by the tests through the admin REST API.
 * Tests call {@link #require()}: without the variables they are skipped, saying why.
 */
final class KeycloakServer {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** As .ci/keycloak.sh's keycloak_wait: seen to need 125 s on this 2-core machine, loaded, while Maven compiled. */
    private static final Duration BOOT_LIMIT = Duration.ofMinutes(5);
    private static String bootFailure; // once Keycloak is known not to answer, every test fails at once
    private static boolean booted;

    private final String http;
    private final String https;
    private final Path ca;
    private final String adminUser;
    private final String adminPassword;

    KeycloakServer(String http, String https, Path ca, String admin) {
        this.http = http;
        this.https = https;
        this.ca = ca;
        int colon = admin.indexOf(':');
        this.adminUser = admin.substring(0, colon);
        this.adminPassword = admin.substring(colon + 1);
    }

    /**
     * The Keycloak of this test run, or the test is skipped (never passed) with the reason when none is set up.
     * One that is set up but not answering yet is waited for: .ci/run launches it in the background so that it
     * boots while Maven compiles. One that never answers fails the test, with the end of its log.
     */
    static KeycloakServer require() {
        String http = System.getenv("VIGIE_TEST_KEYCLOAK");
        Assumptions.assumeTrue(http != null && !http.isBlank(),
                "VIGIE_TEST_KEYCLOAK is not set: no Keycloak to test against (.ci/run starts one; by hand: "
                        + "eval \"$(bash .ci/keycloak.sh)\")");
        awaitBoot(http);
        return new KeycloakServer(http, System.getenv("VIGIE_TEST_KEYCLOAK_HTTPS"),
                Path.of(System.getenv("VIGIE_TEST_KEYCLOAK_CA")), System.getenv("VIGIE_TEST_KEYCLOAK_ADMIN"));
    }

    private static synchronized void awaitBoot(String http) {
        if (booted) {
            return;
        }
        if (bootFailure != null) {
            throw new AssertionError(bootFailure);
        }
        String pid = System.getenv("VIGIE_TEST_KEYCLOAK_PID");
        boolean watched = pid != null && !pid.isBlank();
        ProcessHandle launcher = watched ? ProcessHandle.of(Long.parseLong(pid.trim())).orElse(null) : null;
        long t0 = System.nanoTime();
        long deadline = t0 + BOOT_LIMIT.toNanos();
        while (!answers(http)) {
            String why = watched && (launcher == null || !launcher.isAlive()) ? "exited before answering"
                    : System.nanoTime() > deadline ? "not answering after " + BOOT_LIMIT.toSeconds() + " s" : null;
            if (why != null) {
                bootFailure = "Keycloak at " + http + " " + why + "; end of its log:\n" + logTail();
                throw new AssertionError(bootFailure);
            }
            pollPause(launcher);
        }
        booted = true;
        long waited = (System.nanoTime() - t0) / 1_000_000;
        if (waited > 1000) {
            System.out.printf("Keycloak at %s answered after the tests waited %.1f s for it%n", http, waited / 1000.0);
        }
    }

    /** Half a second between polls, cut short if the launcher exits. */
    private static void pollPause(ProcessHandle launcher) {
        if (launcher == null) {
            LockSupport.parkNanos(500_000_000L); // bounded poll
            return;
        }
        try {
            launcher.onExit().get(500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still booting
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(String http) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(http + "/realms/master")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String logTail() {
        String log = System.getenv("VIGIE_TEST_KEYCLOAK_LOG");
        if (log == null) {
            return "(VIGIE_TEST_KEYCLOAK_LOG not set)";
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(log));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e + ")";
        }
    }

    String http() {
        return http;
    }

    String https() {
        return https;
    }

    /** PEM certificate of the HTTPS listener (self-signed, made at start). */
    Path ca() {
        return ca;
    }

    private String token;
    private long tokenAt;

    /** The master realm's admin token, kept 30 s (Keycloak's default lifespan is 60 s). */
    synchronized String adminToken() {
        if (token != null && System.nanoTime() - tokenAt < 30_000_000_000L) {
            return token;
        }
        tokenAt = System.nanoTime();
        token = freshToken();
        return token;
    }

    private String freshToken() {
        String form = "client_id=admin-cli&grant_type=password&username=" + enc(adminUser) + "&password=" + enc(adminPassword);
        JsonNode token = send(HttpRequest.newBuilder(URI.create(http + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        return token.get("access_token").asText();
    }

    /** Creates a realm from its full representation (clients, users, identity providers...). */
    void createRealm(JsonNode realm) {
        admin("POST", "/admin/realms", realm, 201);
    }

    String userId(String realm, String username) {
        JsonNode users = admin("GET", "/admin/realms/" + realm + "/users?exact=true&username=" + enc(username), null, 200);
        return users.get(0).get("id").asText();
    }

    /** Keycloak's own brute-force record of the account: numFailures, disabled, lastFailure... */
    JsonNode bruteForce(String realm, String userId) {
        return admin("GET", "/admin/realms/" + realm + "/attack-detection/brute-force/users/" + userId, null, 200);
    }

    void updateUser(String realm, String userId, JsonNode changes) {
        admin("PUT", "/admin/realms/" + realm + "/users/" + userId, changes, 204);
    }

    JsonNode admin(String method, String path, JsonNode body, int expected) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(http + path))
                .header("Authorization", "Bearer " + adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            req.header("Content-Type", "application/json");
        }
        return send(req, expected);
    }

    static JsonNode send(HttpRequest.Builder req, int expected) {
        try {
            HttpResponse<String> r = HTTP.send(req.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + ": HTTP "
                        + r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
