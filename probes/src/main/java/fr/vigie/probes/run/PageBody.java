package fr.vigie.probes.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;


/**
 * A received body, decoded to text only when something reads it (a stylesheet whose step checks only its status
 * is never decoded), with its HTML and JSON views parsed at most once, on demand. Confined to one journey: used
 * by one thread at a time.
 */
final class PageBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private byte[] bytes;
    private Charset charset;
    private String text;
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

    /** Bytes in a known charset, decoded on first use (the JDK's decoder: vectorised on ASCII runs). */
    static PageBody decodedOnDemand(byte[] bytes, Charset charset, URI url) {
        PageBody body = new PageBody(null, url);
        body.bytes = bytes;
        body.charset = charset;
        return body;
    }

    /**
     * Whether the body holds {@code needle}. A UTF-8 body not decoded yet is searched as bytes, which is exact
     * (UTF-8 is self-synchronising: a character's bytes never start inside another's) and skips decoding a page
     * whose only check is one text: the timeline's 55 KB, for instance.
     */
    boolean contains(String needle) {
        if (text == null && StandardCharsets.UTF_8.equals(charset)) {
            // ISO-8859-1 maps each byte to one char: a plain copy, then the JDK's vectorised search
            return new String(bytes, StandardCharsets.ISO_8859_1)
                    .contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        return text().contains(needle);
    }

    String text() {
        if (text == null) {
            text = new String(bytes, charset);
            bytes = null;
        }
        return text;
    }

    URI url() {
        return url;
    }

    Document html() {
        if (html == null) {
            html = Jsoup.parse(text(), url.toString());
        }
        return html;
    }

    /** Empty when the body is not JSON. */
    Optional<JsonNode> json() {
        if (json == null) {
            try {
                json = Optional.ofNullable(JSON.readTree(text()));
            } catch (IOException e) {
                json = Optional.empty();
            }
        }
        return json;
    }
}
