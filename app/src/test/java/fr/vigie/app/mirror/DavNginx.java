package fr.vigie.app.mirror;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx with its WebDAV module (Debian's build has ngx_http_dav_module) on a loopback port, as an
 * unprivileged process with its own prefix: {@code /open/} takes PUT, DELETE, MKCOL, COPY and MOVE without an
 * account, {@code /secure/} the same behind basic auth (an htpasswd made with {@code openssl passwd -apr1}). The
 * access log has one line per request: method, URI, status.
 */
final class DavNginx implements AutoCloseable {
    static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path prefix;
    private final Path root;
    private int port;
    private Process process;

    private DavNginx(Path dir) throws IOException {
        this.prefix = Files.createDirectories(dir.resolve("nginx"));
        this.root = Files.createDirectories(dir.resolve("dav"));
        Files.createDirectories(root.resolve("open"));
        Files.createDirectories(root.resolve("secure"));
        Files.createDirectories(root.resolve("nomove"));
    }

    /** Starts nginx; {@code user:password} may enter {@code /secure/}. */
    static DavNginx start(Path dir, String user, String password) throws Exception {
        DavNginx nginx = new DavNginx(dir);
        nginx.htpasswd(user, password);
        // Another test may take a port between our probe and nginx's bind: try a few.
        for (int attempt = 0; attempt < 5 && nginx.process == null; attempt++) {
            nginx.port = freePort();
            nginx.launch();
        }
        if (nginx.process == null) {
            throw new IllegalStateException("nginx did not start: " + nginx.errorLog());
        }
        return nginx;
    }

    int port() {
        return port;
    }

    String url(String folder) {
        return "http://127.0.0.1:" + port + "/" + folder + "/";
    }

    /** The file nginx serves at {@code folder/path}, read on its disk. */
    Path served(String folder, String path) {
        return root.resolve(folder).resolve(path);
    }

    /** Requests of the access log with this method whose URI starts with {@code uriPrefix}, and their status. */
    List<String> requests(String method, String uriPrefix) throws IOException {
        Path log = prefix.resolve("access.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(method + " " + uriPrefix)).toList();
    }

    String errorLog() throws IOException {
        Path log = prefix.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** Starts again on the same port (after {@link #stop()}). */
    void restart() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (process == null && Instant.now().isBefore(deadline)) {
            launch();
        }
        if (process == null) {
            throw new IllegalStateException("nginx did not restart on port " + port + ": " + errorLog());
        }
    }

    private void htpasswd(String user, String password) throws Exception {
        Process openssl = new ProcessBuilder("openssl", "passwd", "-apr1", "-stdin").redirectErrorStream(true).start();
        openssl.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        openssl.getOutputStream().close();
        String hash = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (openssl.waitFor() != 0 || !hash.startsWith("$apr1$")) {
            throw new IllegalStateException("openssl passwd failed: " + hash);
        }
        Files.writeString(prefix.resolve("htpasswd"), user + ":" + hash + "\n");
    }

    private void launch() throws Exception {
        String dav = "dav_methods PUT DELETE MKCOL COPY MOVE; dav_access user:rw group:r all:r; "
                + "client_max_body_size 16m;";
        String conf = "daemon off;\nmaster_process off;\nworker_processes 1;\n"
                + "pid " + prefix.resolve("nginx.pid") + ";\nerror_log " + prefix.resolve("error.log") + " warn;\n"
                + "events { worker_connections 64; }\nhttp {\n"
                + "  log_format dav '$request_method $request_uri $status';\n"
                + "  access_log " + prefix.resolve("access.log") + " dav;\n"
                + "  client_body_temp_path " + prefix.resolve("body") + ";\n"
                + "  proxy_temp_path " + prefix.resolve("proxy") + ";\n"
                + "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";\n"
                + "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";\n"
                + "  scgi_temp_path " + prefix.resolve("scgi") + ";\n"
                + "  server {\n    listen 127.0.0.1:" + port + ";\n    root " + root + ";\n"
                + "    location /open/ { " + dav + " }\n"
                + "    location /nomove/ { dav_methods PUT DELETE MKCOL; dav_access user:rw all:r; }\n"
                + "    location /secure/ { " + dav + " auth_basic \"vigie\"; auth_basic_user_file "
                + prefix.resolve("htpasswd") + "; }\n"
                + "  }\n}\n";
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process started = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", file.toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline) && started.isAlive()) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                process = started;
                return;
            } catch (IOException notYet) {
                started.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        started.destroy();
        started.waitFor(5, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
