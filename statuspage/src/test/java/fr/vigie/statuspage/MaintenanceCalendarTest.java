package fr.vigie.statuspage;

import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The announced maintenance windows as iCalendar (issue 17), read back by the RFC 5545 rules written out here (no
 * iCalendar library is available for an independent parse): CRLF, folding at 75 octets without cutting a UTF-8
 * character, TEXT escaping, UTC times, UIDs stable from one generation to the next.
 */
class MaintenanceCalendarTest {
    private static final String TRICKY = "Mise à jour ; base de données, serveur\\stockage\n"
            + "Retour prévu vers 7 h — « merci de votre patience » 🙂 ; élèves, parents et enseignants : "
            + "l'accès à l'ENT, à la messagerie et au cahier de textes sera interrompu";
    private static final List<MaintenanceWindow> WINDOWS = List.of(
            new MaintenanceWindow("mnt-bdd", List.of("hosting:ovh-gra"), Instant.parse("2021-04-10T04:00:00Z"),
                    Instant.parse("2021-04-10T05:30:00Z"), TRICKY),
            new MaintenanceWindow("mnt-tout", List.of(), Instant.parse("2021-04-03T20:00:00Z"),
                    Instant.parse("2021-04-03T22:00:00Z"), null));
    private static final VigieConfig CONFIG = withMaintenance(Fixtures.config(), WINDOWS);

    static VigieConfig withMaintenance(VigieConfig c, List<MaintenanceWindow> windows) {
        return new VigieConfig(c.site(), c.storage(), c.vantage(), c.probing(), c.schedules(), c.calendars(), windows,
                c.journeys(), c.targets(), c.classifier(), c.alerts());
    }

    private static byte[] ics(StatusSnapshot snapshot) {
        SiteFiles site = new SiteGenerator(Fixtures.sections(CONFIG)).render(snapshot);
        byte[] body = site.get("donnees/maintenances.ics");
        assertThat(body).isNotNull();
        return body;
    }

    @Test
    void everyLineEndsInCrlfAndHoldsAtMost75OctetsOfWholeUtf8Characters() throws Exception {
        byte[] body = ics(Fixtures.crisis());
        List<byte[]> lines = physicalLines(body);
        assertThat(lines).hasSizeGreaterThan(20);
        for (byte[] line : lines) {
            String text = strictUtf8(line);
            assertThat(line.length).as(text).isLessThanOrEqualTo(75);
        }
        String all = new String(body, StandardCharsets.UTF_8);
        assertThat(all).as("folded somewhere inside a multi-byte text").contains("\r\n ");
        assertThat(lines).as("long lines are filled up to the limit").anySatisfy(l ->
                assertThat(l.length).isGreaterThanOrEqualTo(73));
    }

    @Test
    void unfoldedAndUnescapedTheFrenchTextComesBackWhole() {
        List<Map<String, String>> events = events(ics(Fixtures.crisis()));
        assertThat(events).hasSize(2);
        Map<String, String> bdd = events.stream().filter(e -> e.get("UID").startsWith("mnt-bdd@")).findFirst()
                .orElseThrow();
        assertThat(bdd.get("DESCRIPTION")).startsWith(TRICKY + "\nServices concernés : Monlycée.net, ENT77.");
        assertThat(bdd.get("SUMMARY")).isEqualTo("Maintenance annoncée : Monlycée.net, ENT77");
        assertThat(bdd.get("DTSTART")).isEqualTo("20210410T040000Z");
        assertThat(bdd.get("DTEND")).isEqualTo("20210410T053000Z");
        Map<String, String> all = events.get(0);
        assertThat(all.get("UID")).isEqualTo("mnt-tout@etat.vigie.test");
        assertThat(all.get("DESCRIPTION")).startsWith("Services concernés : Monlycée.net, ENT77, ENT Hauts-de-France,");
        assertThat(all.get("DESCRIPTION")).doesNotContain("Contrôle");
    }

    @Test
    void escapesEverySpecialCharacterOfText() {
        String raw = unfold(new String(ics(Fixtures.crisis()), StandardCharsets.UTF_8));
        String description = raw.lines().filter(l -> l.startsWith("DESCRIPTION:Mise")).findFirst().orElseThrow();
        assertThat(description).contains("Mise à jour \\; base de données\\, serveur\\\\stockage\\nRetour");
        assertThat(description.replace("\\\\", "").replace("\\;", "").replace("\\,", "").replace("\\n", ""))
                .as("no bare special character left").doesNotContain(";", ",", "\\");
    }

    @Test
    void theCalendarIsWellFormedAndItsUidsStayTheSameFromOneGenerationToTheNext() {
        StatusSnapshot now = Fixtures.crisis();
        StatusSnapshot later = new StatusSnapshot(now.at().plusSeconds(3600), now.lastRound(), now.vantages(),
                now.vantageImpaired(), now.current(), now.incidents(), now.history(), now.latency24h(),
                now.latency7d());
        String first = unfold(new String(ics(now), StandardCharsets.UTF_8));
        String second = unfold(new String(ics(later), StandardCharsets.UTF_8));
        assertThat(first.lines().toList()).startsWith("BEGIN:VCALENDAR", "VERSION:2.0").endsWith("END:VCALENDAR");
        assertThat(first.lines().filter(l -> l.equals("BEGIN:VEVENT")).count()).isEqualTo(2);
        assertThat(first.lines().filter(l -> l.equals("END:VEVENT")).count()).isEqualTo(2);
        assertThat(events(first.getBytes(StandardCharsets.UTF_8))).allSatisfy(e ->
                assertThat(e).containsKeys("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"));
        assertThat(uids(first)).containsExactly("mnt-tout@etat.vigie.test", "mnt-bdd@etat.vigie.test")
                .isEqualTo(uids(second));
        assertThat(first).contains("DTSTAMP:20210406T063000Z");
        assertThat(second).contains("DTSTAMP:20210406T073000Z");
    }

    @Test
    void theHomePagesMaintenanceNoticeAndTheAboutPageLinkTheCalendar() {
        SiteFiles site = new SiteGenerator(Fixtures.sections(CONFIG)).render(Fixtures.crisis());
        assertThat(Jsoup.parse(new String(site.get("index.html"), StandardCharsets.UTF_8))
                .select("section[aria-labelledby=h-mnt] a[href]")).extracting(a -> a.attr("href"))
                .containsExactly("./donnees/maintenances.ics");
        assertThat(Jsoup.parse(new String(site.get("a-propos/index.html"), StandardCharsets.UTF_8))
                .select("ul.opendata a[href]")).extracting(a -> a.attr("href"))
                .contains("../donnees/maintenances.ics");
    }

    private static List<String> uids(String unfolded) {
        return unfolded.lines().filter(l -> l.startsWith("UID:")).map(l -> l.substring(4)).toList();
    }

    /** Lines between CRLFs; fails on a bare CR or LF and on a body not ending in CRLF. */
    private static List<byte[]> physicalLines(byte[] body) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\r') {
                assertThat(i + 1 < body.length && body[i + 1] == '\n').as("CR at " + i + " followed by LF").isTrue();
                byte[] line = new byte[i - start];
                System.arraycopy(body, start, line, 0, line.length);
                lines.add(line);
                start = i + 2;
                i++;
            } else {
                assertThat(body[i]).as("bare LF at " + i).isNotEqualTo((byte) '\n');
            }
        }
        assertThat(start).as("the body ends with CRLF").isEqualTo(body.length);
        return lines;
    }

    private static String strictUtf8(byte[] line) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
    }

    private static String unfold(String text) {
        return text.replace("\r\n ", "").replace("\r\n", "\n");
    }

    /** The VEVENTs as name → unescaped value (no parameters are written). */
    private static List<Map<String, String>> events(byte[] body) {
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> event = null;
        for (String line : unfold(new String(body, StandardCharsets.UTF_8)).lines().toList()) {
            if (line.equals("BEGIN:VEVENT")) {
                event = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(event);
                event = null;
            } else if (event != null) {
                int colon = line.indexOf(':');
                assertThat(colon).as(line).isPositive();
                event.put(line.substring(0, colon), unescape(line.substring(colon + 1)));
            }
        }
        return events;
    }

    private static String unescape(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                b.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
