package fr.vigie.statuspage.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * Escaping for the few HTML/XML fragments built in Java (SVG charts and badges, feed content); templates
 * auto-escape. jsoup's escaper in XHTML mode: {@code < > & " '} become entities, so a value is safe in text and
 * in a quoted attribute, and a no-break space becomes {@code &#xa0;}, never {@code &nbsp;}, which XML (the badge
 * SVG files) does not know. Other characters stay as they are (UTF-8 output).
 */
public final class Html {
    private static final Document.OutputSettings XML_SAFE = new Document.OutputSettings()
            .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");

    private Html() {
    }

    public static String escape(String text) {
        return text == null ? "" : Entities.escape(text, XML_SAFE);
    }
}
