package fr.vigie.statuspage.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The public site listener. Serves the folder {@code siteRoot} points to, from memory; {@link #reload()}
 * re-reads it after a generation switch. It has no other route: no admin, no listing.
 */
public final class StatusSiteServer {
    private static final Logger LOG = LoggerFactory.getLogger(StatusSiteServer.class);

    private final Vertx vertx;
    private final Path siteRoot;
    private final Clock clock;
    private final AtomicReference<SiteContent> content;
    private final List<String> deployments;
    private final int port;

    private StatusSiteServer(Vertx vertx, Path siteRoot, Clock clock, AtomicReference<SiteContent> content,
                             List<String> deployments, int port) {
        this.vertx = vertx;
        this.siteRoot = siteRoot;
        this.clock = clock;
        this.content = content;
        this.deployments = deployments;
        this.port = port;
    }

    /** Loads the site and listens on {@code host:port} (port 0 picks a free one), one listener per core. */
    public static Future<StatusSiteServer> start(Vertx vertx, Path siteRoot, String host, int port) {
        return start(vertx, siteRoot, host, port, Math.max(1, Runtime.getRuntime().availableProcessors()),
                Clock.systemUTC());
    }

    public static Future<StatusSiteServer> start(Vertx vertx, Path siteRoot, String host, int port, int instances,
                                                 Clock clock) {
        AtomicReference<SiteContent> content = new AtomicReference<>(SiteContent.empty());
        SiteRequestHandler handler = new SiteRequestHandler(content);
        return vertx.executeBlocking(() -> {
                    content.set(SiteContent.load(siteRoot, SiteContent.empty(), clock.instant()));
                    // Listeners share a port only when they ask for the same one: resolve 0 first.
                    return port == 0 ? freePort(host) : port;
                })
                .compose(actual -> vertx.deployVerticle(() -> new SiteVerticle(handler, host, actual),
                                new DeploymentOptions().setInstances(instances))
                        .map(id -> {
                            LOG.info("status site listening on {}:{} ({} files from {})", host, actual,
                                    content.get().size(), siteRoot);
                            return new StatusSiteServer(vertx, siteRoot, clock, content, List.of(id), actual);
                        }));
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    /** The port actually listened on. */
    public int port() {
        return port;
    }

    /** Re-reads the current generation (following the link) and serves it from now on. */
    public Future<Void> reload() {
        return vertx.executeBlocking(() -> SiteContent.load(siteRoot, content.get(), clock.instant()))
                .onSuccess(loaded -> {
                    content.set(loaded);
                    LOG.debug("status site reloaded: {} files", loaded.size());
                })
                .onFailure(e -> LOG.warn("status site reload failed, still serving the previous site: {}",
                        e.getMessage()))
                .mapEmpty();
    }

    /** Stops listening; the Vert.x instance stays up. */
    public Future<Void> close() {
        List<Future<Void>> undeploys = deployments.stream().map(vertx::undeploy).toList();
        return Future.all(undeploys).mapEmpty();
    }
}
