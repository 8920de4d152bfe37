package fr.vigie.probes.run;

import io.netty.handler.codec.http.HttpUtil;
import io.vertx.core.buffer.Buffer;
import org.jsoup.helper.DataUtil;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the received bytes (already bounded by {@link HttpHop}) into a {@link PageBody}. The charset comes from
 * libraries, not from hand parsing: the Content-Type header's {@code charset} parameter as Netty reads it (quotes,
 * case, an unknown name ignored); an HTML page without one goes through jsoup's detection (byte order mark,
 * {@code <meta charset>}, {@code <meta http-equiv>}, UTF-8 by default), and the document jsoup parsed meanwhile
 * is kept for the page's assertions. Anything else without a charset is UTF-8 (JSON's only encoding).
 */
final class BodyDecoder {
    private BodyDecoder() {
    }

    static PageBody decode(String contentType, Buffer body, URI url) {
        Charset declared = contentType == null ? null : HttpUtil.getCharset(contentType, null);
        if (declared != null) {
            return new PageBody(body.toString(declared), url);
        }
        if (contentType == null || contentType.toLowerCase(Locale.ROOT).contains("html")) {
            Document html = parseDetectingCharset(body.getBytes(), url);
            return new PageBody(body.toString(html.charset()), url, html);
        }
        return new PageBody(body.toString(StandardCharsets.UTF_8), url);
    }

    private static Document parseDetectingCharset(byte[] bytes, URI url) {
        try {
            return DataUtil.load(new ByteArrayInputStream(bytes), null, url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen reading an array
        }
    }
}
