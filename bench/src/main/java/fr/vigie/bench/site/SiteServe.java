package fr.vigie.bench.site;

import fr.vigie.bench.Cli;
import fr.vigie.statuspage.server.StatusSiteServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Serves an already generated site folder with {@link StatusSiteServer}, alone in its process, until killed: what
 * {@code bench/site.sh} loads with wrk, started with the service's own JVM options ({@code packaging/jvm.options},
 * as {@code ./vigie run} does) so that the figures are those of the running service, not of a JVM sized for the
 * generator. The Vert.x pools are those of {@code ServiceVertx} (the app module's, not reachable from here).
 * This is a CLI output class: it prints.
 */
public final class SiteServe {
    private SiteServe() {
    }

    @Command(name = "SiteServe", mixinStandardHelpOptions = true,
            description = "Serves a generated site folder on 127.0.0.1 until stopped (for wrk).")
    static final class Args {
        @Parameters(index = "0", description = "the site folder")
        Path site;
        @Parameters(index = "1", description = "port served on 127.0.0.1")
        int port;
    }

    public static void main(String[] args) throws Exception {
        Args a = Cli.parse(new Args(), args);
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(8).setInternalBlockingPoolSize(4));
        StatusSiteServer server = StatusSiteServer.start(vertx, a.site, "127.0.0.1", a.port)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("serving " + a.site.toRealPath() + " on 127.0.0.1:" + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
