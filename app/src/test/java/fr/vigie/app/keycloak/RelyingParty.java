package fr.vigie.app.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application behind an OIDC login (an ENT portal): its callback exchanges the authorization code at the
 * provider's token endpoint with the client secret, as a real relying party does, and answers its home page
 * only when Keycloak handed out tokens for that code. Plain HTTP on loopback.
 */
final class RelyingParty implements AutoCloseable {
    private final HttpServer server;
    private final String tokenEndpoint;
    private final String clientId;
    private final String secret;
    final AtomicInteger codesExchanged = new AtomicInteger();

    RelyingParty(String tokenEndpoint, String clientId, String secret) throws IOException {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/cb", this::callback);
        server.createContext("/", ex -> answer(ex, 200, "<p id=\"rp-logged-out\">à bientôt</p>"));
        server.start();
    }

    String callbackUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cb";
    }

    private void callback(HttpExchange ex) throws IOException {
        String code = param(ex.getRequestURI(), "code");
        if (code == null) {
            answer(ex, 400, "no code");
            return;
        }
        String form = "grant_type=authorization_code&code=" + KeycloakServer.enc(code) + "&redirect_uri="
                + KeycloakServer.enc(callbackUrl()) + "&client_id=" + clientId + "&client_secret=" + secret;
        try {
            JsonNode tokens = KeycloakServer.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
            if (!tokens.hasNonNull("id_token")) {
                answer(ex, 502, "no id_token");
                return;
            }
            codesExchanged.incrementAndGet();
            answer(ex, 200, "<html><body><p id=\"rp-home\">Bienvenue sur l'ENT</p></body></html>");
        } catch (RuntimeException e) {
            answer(ex, 502, "code refused by the provider");
        }
    }

    private static String param(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) {
                return URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void answer(HttpExchange ex, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
