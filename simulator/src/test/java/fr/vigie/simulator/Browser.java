package fr.vigie.simulator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A plain HTTP client with a cookie jar and jsoup form submission, as a probe would walk a journey. */
final class Browser {
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    Browser(boolean followRedirects) {
        client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofMillis(800))
                .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fills the form's inputs (hidden ones as served), overrides the given fields and posts it to its action. */
    HttpResponse<String> submit(String pageUrl, String html, String selector, Map<String, String> fields)
            throws IOException, InterruptedException {
        Document doc = Jsoup.parse(html, pageUrl);
        Element form = doc.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("no form " + selector + " in page " + pageUrl);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            if (!"submit".equals(input.attr("type"))) {
                values.put(input.attr("name"), input.attr("value"));
            }
        }
        values.putAll(fields);
        StringJoiner body = new StringJoiner("&");
        values.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        return post(form.absUrl("action"), "application/x-www-form-urlencoded", body.toString());
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
