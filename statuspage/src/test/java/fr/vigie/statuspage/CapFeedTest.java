package fr.vigie.statuspage;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.statuspage.output.SiteFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CAP 1.2 feed: every alert valid against the CAP 1.2 schema, French, per region, stable, chained. */
class CapFeedTest {
    private static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final String OPEN = "2021-04-06-ovh-gra-saturation-1";
    private static final String PAST = "2021-03-15-mbn-storage-1";
    private static Schema schema;
    private final SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());

    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        schema = factory.newSchema(new StreamSource(CapFeedTest.class.getResourceAsStream("/cap/CAP-v1.2.xsd")));
    }

    private static void validate(byte[] xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private static Map<String, byte[]> capFiles(SiteFiles files) {
        return files.all().entrySet().stream().filter(e -> e.getKey().startsWith("cap/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return document.getDocumentElement();
    }

    private static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(NS, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static List<String> texts(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(NS, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private Element alert(String incident, long seq) throws Exception {
        return parse(files.get("cap/incidents/" + incident + "/" + seq + ".xml"));
    }

    @Test
    void everyAlertIsValidCap12AndThereIsOnePerPublicUpdate() throws Exception {
        Map<String, byte[]> cap = capFiles(files);
        // Saturation: opening, the second ENT joining, the crisis cell's message; storage: opening, resolution.
        // The vantage incident is not public: no alert.
        assertThat(cap.keySet()).containsExactlyInAnyOrder(
                "cap/incidents/" + OPEN + "/10.xml", "cap/incidents/" + OPEN + "/11.xml",
                "cap/incidents/" + OPEN + "/12.xml", "cap/incidents/" + PAST + "/3.xml",
                "cap/incidents/" + PAST + "/4.xml");
        for (byte[] xml : cap.values()) {
            validate(xml);
        }
    }

    @Test
    void theSchemaRefusesWhatCapForbids() {
        // The validator is real: a UTC "Z" time and an unknown status are both refused.
        String bad = "<alert xmlns=\"" + NS + "\"><identifier>x</identifier><sender>s</sender>"
                + "<sent>2021-04-06T06:02:00Z</sent><status>Actual</status><msgType>Alert</msgType>"
                + "<scope>Public</scope></alert>";
        assertThatThrownBy(() -> validate(bad.getBytes(StandardCharsets.UTF_8))).isInstanceOf(SAXException.class);
        String badStatus = bad.replace("2021-04-06T06:02:00Z", "2021-04-06T08:02:00+02:00")
                .replace("<status>Actual</status>", "<status>Maybe</status>");
        assertThatThrownBy(() -> validate(badStatus.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void alertsAreFrenchLocalTimedAndAreaIsTheRegion() throws Exception {
        Element first = alert(OPEN, 10);
        assertThat(text(first, "identifier")).isEqualTo("vigie-" + OPEN + "-10");
        assertThat(text(first, "sender")).isEqualTo("vigie@etat.vigie.test");
        assertThat(text(first, "sent")).isEqualTo("2021-04-06T08:02:00+02:00");
        assertThat(text(first, "msgType")).isEqualTo("Alert");
        assertThat(text(first, "references")).isNull();
        assertThat(text(first, "language")).isEqualTo("fr-FR");
        assertThat(text(first, "category")).isEqualTo("Infra");
        assertThat(text(first, "urgency")).isEqualTo("Immediate");
        assertThat(text(first, "severity")).isEqualTo("Moderate");
        assertThat(texts(first, "areaDesc")).containsExactly("Île-de-France");
        assertThat(text(first, "description")).contains("saturation", "page d'attente");
        assertThat(text(first, "instruction")).startsWith("Le service est surchargé");
        assertThat(text(first, "web")).isEqualTo("https://etat.vigie.test/incidents/" + OPEN + "/");

        Element resolved = alert(PAST, 4);
        assertThat(texts(resolved, "areaDesc")).containsExactly("Grand Est");
        assertThat(text(resolved, "responseType")).isEqualTo("AllClear");
        assertThat(text(resolved, "urgency")).isEqualTo("Past");
        assertThat(text(resolved, "headline")).contains("Résolu");
    }

    @Test
    void eachUpdateReferencesThePreviousUpdateOfTheSameIncident() throws Exception {
        Element first = alert(OPEN, 10);
        Element second = alert(OPEN, 11);
        Element third = alert(OPEN, 12);
        assertThat(text(second, "msgType")).isEqualTo("Update");
        assertThat(text(second, "references")).isEqualTo(
                "vigie@etat.vigie.test," + text(first, "identifier") + "," + text(first, "sent"));
        assertThat(text(third, "references")).isEqualTo(
                "vigie@etat.vigie.test," + text(second, "identifier") + "," + text(second, "sent"));
        assertThat(text(alert(PAST, 4), "references")).startsWith("vigie@etat.vigie.test,vigie-" + PAST + "-3,");
        // The hostile crisis-cell text is carried as text, never as markup.
        String raw = new String(files.get("cap/incidents/" + OPEN + "/12.xml"), StandardCharsets.UTF_8);
        assertThat(raw).contains("&lt;script&gt;").doesNotContain("<script");
        assertThat(text(third, "description")).contains("<script>alert('x')</script>");
    }

    @Test
    void earlierAlertsKeepTheirBytesWhenTheIncidentMovesOn() throws Exception {
        StatusSnapshot before = Fixtures.crisis();
        Incident saturation = before.incidents().stream().filter(i -> i.id().equals(OPEN)).findFirst().orElseThrow();
        List<IncidentEvent> events = new ArrayList<>(saturation.updates());
        events.add(Fixtures.event(OPEN, 13, java.time.Instant.parse("2021-04-06T06:40:00Z"),
                IncidentEvent.Type.RESOLVED, Status.OPERATIONAL, null, List.of(), null, "vigie"));
        Incident later = Incident.fold(saturation.scope(), events);
        List<Incident> incidents = before.incidents().stream().map(i -> i.id().equals(OPEN) ? later : i).toList();
        StatusSnapshot after = Fixtures.snapshot(before.current(), incidents, false, Fixtures.targets());
        SiteFiles next = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(after);
        for (long seq : new long[] {10, 11, 12}) {
            String path = "cap/incidents/" + OPEN + "/" + seq + ".xml";
            assertThat(next.get(path)).as(path).isEqualTo(files.get(path));
        }
        byte[] closing = next.get("cap/incidents/" + OPEN + "/13.xml");
        validate(closing);
        assertThat(text(parse(closing), "references")).contains("vigie-" + OPEN + "-12");
        assertThat(Cause.SATURATION.wire()).isEqualTo(texts(parse(closing), "value").get(1));
    }

    @Test
    void theAtomIndexListsEveryAlertNewestFirstAndLinksToItsDocument() throws Exception {
        SyndFeed index = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(files.get("cap.atom"))));
        List<SyndEntry> entries = index.getEntries();
        assertThat(entries).hasSize(5);
        assertThat(entries.get(0).getUri()).isEqualTo("urn:vigie:etat.vigie.test:vigie-" + OPEN + "-12");
        for (SyndEntry entry : entries) {
            String href = entry.getLinks().get(0).getHref();
            assertThat(entry.getLinks().get(0).getType()).isEqualTo("application/cap+xml");
            assertThat(files.get(href.substring("https://etat.vigie.test/".length()))).as(href).isNotNull();
        }
        assertThat(entries).extracting(e -> e.getPublishedDate().toInstant())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
