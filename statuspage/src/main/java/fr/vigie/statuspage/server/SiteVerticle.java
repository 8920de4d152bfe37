package fr.vigie.statuspage.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;

/** One HTTP listener on one event loop; several instances share the port. */
final class SiteVerticle extends VerticleBase {
    private final SiteRequestHandler handler;
    private final String host;
    private final int port;

    SiteVerticle(SiteRequestHandler handler, String host, int port) {
        this.handler = handler;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        // Bodies are pre-compressed by the generator; no compression work at request time.
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(false).setIdleTimeout(60)
                .setTcpNoDelay(true);
        return vertx.createHttpServer(options).requestHandler(handler).listen(port, host);
    }
}
