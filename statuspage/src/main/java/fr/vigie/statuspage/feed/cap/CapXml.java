package fr.vigie.statuspage.feed.cap;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Verifier;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import java.nio.charset.StandardCharsets;

/** Writes one {@link CapAlerts.CapAlert} as a CAP 1.2 document, elements in the order the schema requires. */
public final class CapXml {
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final Namespace CAP = Namespace.getNamespace(NAMESPACE);

    private CapXml() {
    }

    public static byte[] write(CapAlerts.CapAlert alert) {
        Element root = new Element("alert", CAP);
        add(root, "identifier", alert.identifier());
        add(root, "sender", alert.sender());
        add(root, "sent", alert.sent());
        add(root, "status", "Actual");
        add(root, "msgType", alert.msgType());
        add(root, "scope", "Public");
        add(root, "references", alert.references());
        add(root, "incidents", alert.incident());
        Element info = new Element("info", CAP);
        root.addContent(info);
        add(info, "language", "fr-FR");
        add(info, "category", "Infra");
        add(info, "event", alert.event());
        add(info, "responseType", alert.responseType());
        add(info, "urgency", alert.urgency());
        add(info, "severity", alert.severity());
        // Vigie measured it from outside, with the confidence the description gives: observed, not reported.
        add(info, "certainty", "Observed");
        add(info, "senderName", alert.senderName());
        add(info, "headline", alert.headline());
        add(info, "description", alert.description());
        add(info, "instruction", alert.instruction());
        add(info, "web", alert.web());
        parameter(info, "statut", alert.status());
        parameter(info, "cause_probable", alert.cause());
        for (String area : alert.areas()) {
            Element element = new Element("area", CAP);
            add(element, "areaDesc", area);
            info.addContent(element);
        }
        XMLOutputter output = new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8"));
        return output.outputString(new Document(root)).getBytes(StandardCharsets.UTF_8);
    }

    private static void parameter(Element info, String name, String value) {
        Element parameter = new Element("parameter", CAP);
        add(parameter, "valueName", name);
        add(parameter, "value", value);
        info.addContent(parameter);
    }

    /** A crisis-cell message may carry characters XML cannot hold (control codes): they are dropped, not fatal. */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Verifier::isXMLCharacter).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static void add(Element parent, String name, String text) {
        if (text != null) {
            parent.addContent(new Element(name, CAP).setText(xmlSafe(text)));
        }
    }
}
