package fr.vigie.app.keycloak;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Keycloak of one test's own, started from the distribution that {@code .ci/keycloak.sh} unpacked
 * ({@code VIGIE_TEST_KEYCLOAK_HOME}, {@code VIGIE_TEST_KEYCLOAK_JAVA}), for tests that freeze or stop it.
 * Plain HTTP on a free loopback port, in-memory database.
 */
final class KeycloakProcess implements AutoCloseable {
    private final Process process;
    final KeycloakServer server;
    final double startSeconds;

    private KeycloakProcess(Process process, KeycloakServer server, double startSeconds) {
        this.process = process;
        this.server = server;
        this.startSeconds = startSeconds;
    }

    static KeycloakProcess launch(Path logDir) throws Exception {
        String home = System.getenv("VIGIE_TEST_KEYCLOAK_HOME");
        String java = System.getenv("VIGIE_TEST_KEYCLOAK_JAVA");
        Assumptions.assumeTrue(home != null && java != null, "VIGIE_TEST_KEYCLOAK_HOME/JAVA not set: no Keycloak "
                + "distribution to start (.ci/run sets them through .ci/keycloak.sh)");
        int http = freePort();
        int management = freePort();
        String password = UUID.randomUUID().toString();
        ProcessBuilder pb = new ProcessBuilder(home + "/bin/kc.sh", "start-dev", "--db=dev-mem",
                "--http-host=127.0.0.1", "--http-port=" + http, "--http-management-port=" + management)
                .redirectErrorStream(true).redirectOutput(logDir.resolve("keycloak.log").toFile());
        pb.environment().put("JAVA_HOME", java);
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String url = "http://127.0.0.1:" + http;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + p.exitValue() + ", see " + logDir);
            }
            if (answers(client, url)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("Keycloak not ready within 4 minutes, see " + logDir);
            }
            p.waitFor(500, TimeUnit.MILLISECONDS); // poll interval; returns at once if it exits
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new KeycloakProcess(p, new KeycloakServer(url, null, null, "admin:" + password), seconds);
    }

    private static boolean answers(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url + "/realms/master")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The launcher script and the JVM it started. */
    private List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(h -> pids.add(h.pid()));
        return pids;
    }

    /** SIGSTOP: the kernel still accepts connections, nothing answers (a frozen, saturated server). */
    void freeze() throws Exception {
        signal("-STOP");
    }

    void thaw() throws Exception {
        signal("-CONT");
    }

    private void signal(String sig) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("kill", sig));
        pids().forEach(pid -> cmd.add(Long.toString(pid)));
        int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill " + sig + " failed: " + rc);
        }
    }

    /** Stops Keycloak and waits until it has exited (its ports then refuse connections). */
    @Override
    public void close() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        try {
            thaw();
        } catch (RuntimeException | IOException ignored) {
            // already gone
        }
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            h.onExit().completeOnTimeout(h, 60, TimeUnit.SECONDS).join();
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
