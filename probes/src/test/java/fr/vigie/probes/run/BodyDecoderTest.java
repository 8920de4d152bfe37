package fr.vigie.probes.run;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How a body without a declared charset is read; CharsetTest covers the same over real HTTP. */
class BodyDecoderTest {
    private static final URI URL = URI.create("http://127.0.0.1/");

    @Test
    void wellFormedUtf8IsReadAsSuchAndAByteOrderMarkDropped() {
        byte[] page = "\uFEFF<p>Accès à l'ENT : élèves</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(BodyDecoder.decode("text/html", Buffer.buffer(page), URL).text())
                .isEqualTo("<p>Accès à l'ENT : élèves</p>");
    }

    @Test
    void latin1BytesGoThroughTheMetaCharset() {
        byte[] page = "<meta charset=\"iso-8859-1\"><p>Accès élèves</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BodyDecoder.decode("text/html", Buffer.buffer(page), URL).text()).contains("Accès élèves");
    }

    @Test
    void aUtf16ByteOrderMarkIsNotMistakenForUtf8() {
        byte[] page = "\uFEFF<p>Accès</p>".getBytes(StandardCharsets.UTF_16BE);
        assertThat(BodyDecoder.decode("text/html", Buffer.buffer(page), URL).text()).contains("<p>Accès</p>");
    }

    @Test
    void aTextIsFoundInTheBytesAsInTheDecodedText() {
        byte[] utf8 = "<p>Accès à l'ENT : élèves</p>".getBytes(StandardCharsets.UTF_8);
        PageBody body = BodyDecoder.decode("text/html; charset=utf-8", Buffer.buffer(utf8), URL);
        assertThat(body.contains("élèves")).isTrue();
        assertThat(body.contains("eleves")).isFalse();
        assertThat(body.contains("s à l")).isTrue();
        byte[] latin1 = "<p>Accès élèves</p>".getBytes(StandardCharsets.ISO_8859_1);
        PageBody other = BodyDecoder.decode("text/html; charset=iso-8859-1", Buffer.buffer(latin1), URL);
        assertThat(other.contains("élèves")).isTrue();
        assertThat(body.text()).isEqualTo("<p>Accès à l'ENT : élèves</p>");
        assertThat(body.contains("élèves")).isTrue();
    }
}
