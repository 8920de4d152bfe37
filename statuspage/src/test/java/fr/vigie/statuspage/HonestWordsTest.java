package fr.vigie.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.io.SyndFeedInput;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.Verdict;
import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.vigie.statuspage.Fixtures.QUEUE;
import static fr.vigie.statuspage.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The public never reads more certainty than the classifier has, nor a new name or update for every change. */
class HonestWordsTest {
    private static final String ID = "2021-04-06-hosting-ovh-gra-1";
    private static final Instant OPENED = Instant.parse("2021-04-06T06:02:00Z");
    private final SiteGenerator generator = new SiteGenerator(Fixtures.sections(Fixtures.config()));
    private final ObjectMapper mapper = new ObjectMapper();

    private static String text(SiteFiles files, String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    private static StatusSnapshot with(Cause verdictCause, Incident... incidents) {
        Map<String, Verdict> current = new HashMap<>();
        Fixtures.targets().forEach(t -> current.put(t.id(), Fixtures.verdict(t.id(), Status.OPERATIONAL, Cause.NONE,
                null)));
        current.put("ent-idf", Fixtures.verdict("ent-idf", Status.MAJOR_OUTAGE, verdictCause, ID, QUEUE));
        return Fixtures.snapshot(current, List.of(incidents), false, Fixtures.targets());
    }

    private static Incident incident(IncidentEvent... events) {
        return Incident.fold("hosting:ovh-gra", List.of(events));
    }

    private static IncidentEvent opened(Cause cause) {
        return event(ID, 1, OPENED, IncidentEvent.Type.OPENED, Status.MAJOR_OUTAGE, cause, List.of("ent-idf"),
                "saturation sur 1 ENT hébergé par ovh-gra", "vigie", QUEUE);
    }

    @Test
    void aProbableCauseIsNeverCalledIdentified() {
        SiteFiles files = generator.render(with(Cause.SATURATION, incident(opened(Cause.SATURATION))));
        assertThat(Jsoup.parse(text(files, "index.html")).select(".tag").eachText())
                .containsExactly("Cause probable identifiée");
        assertThat(Jsoup.parse(text(files, "en/index.html")).select(".tag").eachText())
                .containsExactly("Probable cause identified");
        files.all().forEach((path, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path)
                .doesNotContain("Cause identifiée").doesNotContain("Cause identified"));
    }

    @Test
    void aCauseBelowTheConfidenceBarIsUnderAnalysisEverywhere() throws Exception {
        SiteFiles files = generator.render(with(Cause.UNKNOWN, incident(opened(Cause.UNKNOWN))));
        Document home = Jsoup.parse(text(files, "index.html"));
        assertThat(home.select(".tag").eachText()).containsExactly("Analyse en cours");
        assertThat(home.selectFirst("[data-service=ent-idf] .cause").text()).startsWith("Cause en cours d'analyse")
                .doesNotContain("confiance");
        assertThat(text(files, "incidents/" + ID + "/index.html")).contains("cause en cours d&#39;analyse")
                .doesNotContain("indéterminée");
        assertThat(text(files, "en/incidents/" + ID + "/index.html")).contains("cause under analysis");

        JsonNode incident = mapper.readTree(files.get("api/v2/incidents.json")).at("/incidents/0");
        assertThat(incident.get("status").asText()).isEqualTo("investigating");
        assertThat(incident.at("/vigie/cause").asText()).isEqualTo("unknown");
        assertThat(incident.at("/vigie/cause_text/fr").asText()).isEqualTo("cause en cours d'analyse");
        assertThat(incident.at("/incident_updates/0/body").asText()).contains("cause en cours d'analyse");
        JsonNode component = mapper.readTree(files.get("api/v2/components.json")).get("components");
        List<String> causes = new ArrayList<>();
        component.forEach(c -> {
            if ("ent-idf".equals(c.get("id").asText())) causes.add(c.at("/vigie/cause_text/en").asText());
        });
        assertThat(causes).containsExactly("cause under analysis");

        String feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(files.get("history.atom"))))
                .getEntries().get(0).getContents().get(0).getValue();
        assertThat(Jsoup.parse(feed).text()).contains("cause en cours d'analyse").doesNotContain("indéterminée");
    }

    @Test
    void theNameDoesNotChangeWhenTheProbableCauseDoes() throws Exception {
        SiteFiles before = generator.render(with(Cause.NETWORK, incident(opened(Cause.NETWORK))));
        SiteFiles after = generator.render(with(Cause.ATTACK, incident(opened(Cause.NETWORK),
                event(ID, 2, OPENED.plusSeconds(60), IncidentEvent.Type.CAUSE_CHANGED, Status.MAJOR_OUTAGE,
                        Cause.ATTACK, List.of(), "attaque probable sur 1 ENT hébergé par ovh-gra", "vigie"))));
        String name = mapper.readTree(before.get("api/v2/incidents.json")).at("/incidents/0/name").asText();
        assertThat(name).isEqualTo("Perturbation : Monlycée.net");
        assertThat(mapper.readTree(after.get("api/v2/incidents.json")).at("/incidents/0/name").asText())
                .isEqualTo(name);
        assertThat(Jsoup.parse(text(after, "incidents/" + ID + "/index.html")).selectFirst("h1").text())
                .isEqualTo(name);
    }

    @Test
    void servicesJoiningAGroupedIncidentWithinTwoMinutesAreOneUpdate() throws Exception {
        List<IncidentEvent> events = new ArrayList<>();
        events.add(opened(Cause.SATURATION));
        List<String> targets = new ArrayList<>(List.of("ent-idf"));
        String[] joining = {"ent77", "ent-hdf", "mbn", "cned-college", "educonnect"};
        for (int i = 0; i < joining.length; i++) {
            targets.add(joining[i]);
            // 10 s apart: five joins in 50 s, as a hosting group's services fail one after the other.
            events.add(event(ID, 2 + i, OPENED.plusSeconds(10L * (i + 1)), IncidentEvent.Type.TARGETS_CHANGED,
                    Status.MAJOR_OUTAGE, null, List.copyOf(targets), "saturation sur " + targets.size() + " ENT",
                    "vigie"));
        }
        // Later, a separate change: a new update again.
        targets.remove("educonnect");
        events.add(event(ID, 10, OPENED.plusSeconds(600), IncidentEvent.Type.TARGETS_CHANGED, Status.MAJOR_OUTAGE,
                null, List.copyOf(targets), null, "vigie"));
        SiteFiles files = generator.render(with(Cause.SATURATION, incident(events.toArray(IncidentEvent[]::new))));

        JsonNode updates = mapper.readTree(files.get("api/v2/incidents.json")).at("/incidents/0/incident_updates");
        assertThat(updates).hasSize(3);
        assertThat(updates.get(1).get("body").asText()).contains("ÉduConnect", "CNED Ma classe à la maison");
        assertThat(Jsoup.parse(text(files, "incidents/" + ID + "/index.html")).select("ol.timeline > li")).hasSize(3);
    }

    @Test
    void updatesAreListedInTheOrderTheyHappened() {
        // A crisis-cell update dated by the wall clock can reach the log after a later automatic change.
        Incident incident = incident(opened(Cause.SATURATION),
                event(ID, 2, OPENED.plusSeconds(600), IncidentEvent.Type.STATUS_CHANGED, Status.PARTIAL_OUTAGE,
                        null, List.of(), null, "vigie"),
                event(ID, 3, OPENED.plusSeconds(300), IncidentEvent.Type.HUMAN_UPDATE, null, null, List.of(),
                        "Nous enquêtons", "Claire"));
        Document page = Jsoup.parse(text(generator.render(with(Cause.SATURATION, incident)),
                "incidents/" + ID + "/index.html"));
        assertThat(page.select("ol.timeline > li time").eachText())
                .containsExactly("6 avril 2021 à 08:02", "6 avril 2021 à 08:07", "6 avril 2021 à 08:12");
    }

    @Test
    void theEnglishPagesAndFeedsReadAutomaticUpdatesInEnglish() throws Exception {
        SiteFiles files = generator.render(with(Cause.SATURATION, incident(opened(Cause.SATURATION))));
        String feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(
                files.get("en/history.atom")))).getEntries().get(0).getContents().get(0).getValue();
        assertThat(feed).contains("Incident opened").doesNotContain("saturation sur").doesNotContain("hébergé");
        assertThat(text(files, "en/incidents/" + ID + "/index.html")).doesNotContain("hébergé");
    }
}
