package fr.vigie.probes.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** A received body as text, with its HTML and JSON views parsed at most once, on demand. */
final class PageBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final URI url;
    private Document html;
    private Optional<JsonNode> json;

    PageBody(String text, URI url) {
        this(text, url, null);
    }

    /** With the document already parsed from these bytes (charset detection parses it). */
    PageBody(String text, URI url, Document html) {
        this.text = text;
        this.url = url;
        this.html = html;
    }

    String text() {
        return text;
    }

    URI url() {
        return url;
    }

    Document html() {
        if (html == null) {
            html = Jsoup.parse(text, url.toString());
        }
        return html;
    }

    /** Empty when the body is not JSON. */
    Optional<JsonNode> json() {
        if (json == null) {
            try {
                json = Optional.ofNullable(JSON.readTree(text));
            } catch (IOException e) {
                json = Optional.empty();
            }
        }
        return json;
    }
}
