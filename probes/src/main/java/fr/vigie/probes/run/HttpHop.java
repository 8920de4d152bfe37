package fr.vigie.probes.run;

import fr.vigie.probes.Outcome;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.client.impl.ClientPhase;
import io.vertx.ext.web.codec.BodyCodec;

import java.net.InetAddress;
import java.net.URI;

/**
 * Sends the HTTP hops of one journey run through the journey's {@link WebClientSession} (cookies), each on
 * a connection of its own (keep-alive off), so that every phase is measured and a hostile server can be
 * cut off. See {@link ProbeClient} for how each phase is timed.
 */
final class HttpHop {
    /** A complete response: status, headers and the body (at most the cap). */
    record Response(int status, MultiMap headers, Buffer body, long bytes, URI url) {
    }

    private final ProbeClient client;
    private final WebClientSession session;
    private final long maxBodyBytes;
    private HopTimings timings = new HopTimings();
    private HttpConnection connection;

    HttpHop(ProbeClient client, JourneyState state, long maxBodyBytes) {
        this.client = client;
        this.maxBodyBytes = maxBodyBytes;
        this.session = client.session(state.cookies());
        session.addInterceptor(ctx -> {
            if (ctx.phase() == ClientPhase.SEND_REQUEST) {
                timings.requestSentNanos = System.nanoTime();
                connected(ctx.clientRequest().connection());
                timings.phase = Phase.RESPONSE;
            } else if (ctx.phase() == ClientPhase.RECEIVE_RESPONSE) {
                timings.ttfbMs = Millis.since(timings.requestSentNanos);
                timings.status = ctx.clientResponse().statusCode();
            }
            ctx.next();
        });
    }

    private void connected(HttpConnection conn) {
        connection = conn;
        timings.connectionSettled(client.connectedAt(conn));
    }

    Future<Response> execute(PreparedRequest request, HopTimings t, StepDeadline deadline) {
        timings = t;
        connection = null;
        Promise<Response> result = Promise.promise();
        deadline.onExpiry(() -> {
            t.connectionSettled(null);
            result.tryFail(new StepFailure(null, "deadline"));
            closeConnection();
        });
        URI url = request.url();
        boolean ssl = url.getScheme().equals("https");
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        t.phase = Phase.DNS;
        client.resolver().resolve(url.getHost())
                .compose(resolution -> {
                    t.dnsMs = resolution.dnsMs();
                    t.phase = Phase.CONNECT;
                    if (ssl) {
                        // the connection's TLS engine will tell when TCP is up and when the handshake ends
                        client.handshakes().expect(t, port, url.getHost(), resolution.address().getHostAddress());
                    }
                    return send(request, resolution.address(), port);
                })
                .onComplete(ar -> {
                    client.handshakes().forget(t);
                    t.connectionSettled(null);
                    if (ar.succeeded()) {
                        result.tryComplete(ar.result());
                    } else {
                        result.tryFail(ar.cause());
                    }
                });
        return result.future();
    }

    private Future<Response> send(PreparedRequest request, InetAddress address, int port) {
        URI url = request.url();
        String ip = address.getHostAddress();
        String literal = ip.contains(":") ? "[" + ip + "]" : ip;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getScheme() + "://" + literal + ":" + port + path
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        CappedBody body = new CappedBody(maxBodyBytes, this::closeConnection, timings);
        HttpRequest<Void> req = session.requestAbs(request.method(), target).as(BodyCodec.pipe(body, false));
        if (!url.getHost().equals(ip)) {
            req.virtualHost(url.getHost());
        }
        req.headers().addAll(request.headers());
        timings.connectStartNanos = System.nanoTime();
        Future<HttpResponse<Void>> sent = request.body() == null ? req.send() : req.sendBuffer(request.body());
        return sent.transform(ar -> {
            if (body.overflowed()) {
                return Future.failedFuture(new StepFailure(Outcome.TOO_LARGE,
                        "body larger than " + maxBodyBytes + " bytes, cut"));
            }
            if (ar.failed()) {
                return Future.failedFuture(ar.cause());
            }
            HttpResponse<Void> r = ar.result();
            return Future.succeededFuture(new Response(r.statusCode(), r.headers(), body.kept(), body.received(), url));
        });
    }

    private void closeConnection() {
        HttpConnection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
