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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
            return PageBody.decodedOnDemand(body.getBytes(), declared, url);
        }
        if (contentType == null || contentType.toLowerCase(Locale.ROOT).contains("html")) {
            byte[] bytes = body.getBytes();
            // Most pages without a declared charset are UTF-8 (or ASCII, which reads the same in every charset
            // a <meta> could name): a strict UTF-8 decode that succeeds settles it without parsing the page.
            // Anything else (Latin-1 accents, a UTF-16 byte order mark) goes through jsoup's detection.
            String utf8 = utf16Bom(bytes) ? null : strictUtf8(bytes);
            if (utf8 != null) {
                return new PageBody(utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8, url);
            }
            Document html = parseDetectingCharset(bytes, url);
            return new PageBody(new String(bytes, html.charset()), url, html);
        }
        return PageBody.decodedOnDemand(body.getBytes(), StandardCharsets.UTF_8, url);
    }

    /** The text, or null when the bytes are not well-formed UTF-8. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean utf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    private static Document parseDetectingCharset(byte[] bytes, URI url) {
        try {
            return DataUtil.load(new ByteArrayInputStream(bytes), null, url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen reading an array
        }
    }
}
