package fr.vigie.statuspage.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

/** Html.escape: values stay data in text, in quoted attributes (either quote) and in XML (badge SVG files). */
class HtmlTest {
    private static final String HOSTILE = "<b>x</b> & \" onload=\"alert(1)\" ' onclick='alert(2)' é\u00a0:";

    @Test
    void escapesMarkupAndBothQuotesButNotFrenchLetters() {
        assertThat(Html.escape(HOSTILE)).isEqualTo(
                "&lt;b&gt;x&lt;/b&gt; &amp; &quot; onload=&quot;alert(1)&quot; &#x27; onclick=&#x27;alert(2)&#x27; é&#xa0;:");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void aValueCannotLeaveADoubleOrSingleQuotedAttribute() {
        String html = "<p title=\"" + Html.escape(HOSTILE) + "\" lang='" + Html.escape(HOSTILE) + "'>t</p>";
        Element p = Jsoup.parseBodyFragment(html).selectFirst("p");
        assertThat(p.attributes().size()).isEqualTo(2);
        assertThat(p.attr("title")).isEqualTo(HOSTILE);
        assertThat(p.attr("lang")).isEqualTo(HOSTILE);
    }

    @Test
    void theEscapedTextIsWellFormedXml() throws Exception {
        // a strict XML parser, as a feed reader or an SVG viewer: &nbsp; would make a badge file malformed
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"" + Html.escape(HOSTILE) + "\"><title>"
                + Html.escape(HOSTILE) + "</title></svg>";
        org.w3c.dom.Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg))).getDocumentElement();
        assertThat(root.getAttribute("aria-label")).isEqualTo(HOSTILE);
        assertThat(root.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(HOSTILE);
    }
}
