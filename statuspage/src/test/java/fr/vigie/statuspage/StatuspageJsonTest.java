package fr.vigie.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.statuspage.output.SiteFiles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StatuspageJsonTest {
    private static final Set<String> COMPONENT_STATUSES = Set.of("operational", "degraded_performance",
            "partial_outage", "major_outage", "under_maintenance");
    private static final Set<String> INCIDENT_STATUSES = Set.of("investigating", "identified", "monitoring",
            "resolved", "postmortem");
    private static final Set<String> IMPACTS = Set.of("none", "minor", "major", "critical");
    private static final Set<String> MAINTENANCE_STATUSES = Set.of("scheduled", "in_progress", "verifying",
            "completed");
    private static final String[] PAGE_FIELDS = {"id", "name", "url", "time_zone", "updated_at"};
    private static final String[] COMPONENT_FIELDS = {"id", "name", "status", "created_at", "updated_at", "position",
            "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded"};
    private static final String[] INCIDENT_FIELDS = {"id", "name", "status", "impact", "created_at", "updated_at",
            "monitoring_at", "resolved_at", "started_at", "shortlink", "page_id", "components", "incident_updates"};
    private static final String[] UPDATE_FIELDS = {"id", "status", "body", "incident_id", "created_at",
            "updated_at", "display_at", "affected_components", "deliver_notifications"};

    private final ObjectMapper mapper = new ObjectMapper();
    private static final SiteFiles FILES = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());

    private JsonNode read(String path) throws Exception {
        byte[] bytes = FILES.get("api/v2/" + path);
        assertThat(bytes).as(path).isNotNull();
        return mapper.readTree(bytes);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void timestampsCarryMillisecondsNotNanosecondsAndStayStrings() throws Exception {
        java.util.Map<String, fr.vigie.aggregator.Verdict> current = new java.util.HashMap<>(Fixtures.crisis().current());
        fr.vigie.aggregator.Verdict v = current.get("ent77");
        current.put("ent77", new fr.vigie.aggregator.Verdict(Instant.parse("2021-04-06T06:29:12.123456789Z"), v.target(),
                v.status(), v.cause(), v.causes(), v.confidence(), v.evidence(), v.incident()));
        fr.vigie.aggregator.StatusSnapshot crisis = Fixtures.crisis();
        fr.vigie.aggregator.StatusSnapshot nanos = new fr.vigie.aggregator.StatusSnapshot(
                Instant.parse("2021-04-06T06:30:00.987654321Z"), crisis.lastRound(), crisis.vantages(),
                crisis.vantageImpaired(), current, crisis.incidents(), crisis.history(), crisis.latency24h(),
                crisis.latency7d());
        SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(nanos);
        JsonNode summary = mapper.readTree(files.get("api/v2/summary.json"));
        assertThat(summary.at("/page/updated_at").isTextual()).isTrue();
        assertThat(summary.at("/page/updated_at").asText()).isEqualTo("2021-04-06T08:30:00.987+02:00");
        List<String> times = new ArrayList<>();
        summary.at("/components").forEach(c -> {
            if (c.get("id").asText().equals("ent77")) times.add(c.get("updated_at").asText());
        });
        assertThat(times).containsExactly("2021-04-06T08:29:12.123+02:00");
        JsonNode incident = summary.at("/incidents/0");
        assertThat(incident.get("created_at").asText()).isEqualTo("2021-04-06T08:02:00.000+02:00");
        java.util.regex.Pattern millis = java.util.regex.Pattern.compile(
                "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}");
        String raw = new String(files.get("api/v2/incidents.json"), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher any = java.util.regex.Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T[^\"]+)\"").matcher(raw);
        int count = 0;
        while (any.find()) {
            assertThat(any.group(1)).matches(millis);
            count++;
        }
        assertThat(count).isGreaterThan(5);
    }

    @Test
    void statusHasPageAndIndicatorInStatuspageWords() throws Exception {
        JsonNode status = read("status.json");
        assertThat(names(status.get("page"))).contains(PAGE_FIELDS);
        assertThat(status.at("/page/time_zone").asText()).isEqualTo("Europe/Paris");
        assertThat(status.at("/status/indicator").asText()).isEqualTo("critical");
        assertThat(status.at("/status/description").asText()).isEqualTo("Major Service Outage");
        assertThat(status.at("/status/vigie/vantages").asInt()).isEqualTo(2);
        JsonNode calm = mapper.readTree(new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.calm())
                .get("api/v2/status.json"));
        assertThat(calm.at("/status/indicator").asText()).isEqualTo("none");
        assertThat(calm.at("/status/description").asText()).isEqualTo("All Systems Operational");
    }

    @Test
    void componentsCarryStatuspageFieldsGroupsAndVigieExtras() throws Exception {
        JsonNode components = read("components.json").get("components");
        assertThat(components).isNotEmpty();
        for (JsonNode c : components) {
            assertThat(names(c)).contains(COMPONENT_FIELDS);
            assertThat(COMPONENT_STATUSES).contains(c.get("status").asText());
        }
        JsonNode idf = find(components, "ent-idf");
        assertThat(idf.get("status").asText()).isEqualTo("major_outage");
        assertThat(idf.get("group").asBoolean()).isFalse();
        assertThat(idf.at("/vigie/cause").asText()).isEqualTo("saturation");
        assertThat(idf.at("/vigie/confidence").asDouble()).isEqualTo(0.8);
        assertThat(idf.at("/vigie/evidence/0/fr").asText()).contains("14 fois l'habitude");
        assertThat(idf.at("/vigie/vantage_agreement/vantages").asInt()).isEqualTo(2);
        JsonNode group = find(components, idf.get("group_id").asText());
        assertThat(group.get("group").asBoolean()).isTrue();
        assertThat(group.get("components")).extracting(JsonNode::asText).contains("ent-idf", "ent77");
        assertThat(components.findValuesAsText("id")).doesNotContain("control-1");
    }

    @Test
    void incidentsUseStatuspageVocabulariesWithUpdatesNewestFirst() throws Exception {
        JsonNode incidents = read("incidents.json").get("incidents");
        assertThat(incidents).hasSize(2);
        for (JsonNode i : incidents) {
            assertThat(names(i)).contains(INCIDENT_FIELDS);
            assertThat(INCIDENT_STATUSES).contains(i.get("status").asText());
            assertThat(IMPACTS).contains(i.get("impact").asText());
            for (JsonNode u : i.get("incident_updates")) {
                assertThat(names(u)).contains(UPDATE_FIELDS);
                assertThat(INCIDENT_STATUSES).contains(u.get("status").asText());
            }
        }
        JsonNode open = incidents.get(0);
        assertThat(open.get("id").asText()).isEqualTo("2021-04-06-ovh-gra-saturation-1");
        assertThat(open.get("status").asText()).isEqualTo("identified");
        assertThat(open.get("impact").asText()).isEqualTo("critical");
        assertThat(open.get("resolved_at").isNull()).isTrue();
        assertThat(open.at("/incident_updates/0/body").asText()).isEqualTo(Fixtures.HOSTILE);
        assertThat(open.at("/incident_updates/2/affected_components/0/new_status").asText())
                .isEqualTo("partial_outage");
        assertThat(open.at("/vigie/cause").asText()).isEqualTo("saturation");
        JsonNode past = incidents.get(1);
        assertThat(past.get("status").asText()).isEqualTo("resolved");
        assertThat(past.get("resolved_at").asText()).isEqualTo("2021-03-15T10:30:00.000+01:00");
        assertThat(read("incidents/unresolved.json").get("incidents")).extracting(i -> i.get("id").asText())
                .containsExactly("2021-04-06-ovh-gra-saturation-1");
    }

    @Test
    void summaryAndScheduledMaintenancesFollowTheShapes() throws Exception {
        JsonNode summary = read("summary.json");
        assertThat(names(summary)).contains("page", "status", "components", "incidents", "scheduled_maintenances");
        JsonNode all = read("scheduled-maintenances.json").get("scheduled_maintenances");
        assertThat(all).hasSize(3);
        for (JsonNode m : all) {
            assertThat(names(m)).contains(INCIDENT_FIELDS).contains("scheduled_for", "scheduled_until");
            assertThat(m.get("impact").asText()).isEqualTo("maintenance");
            assertThat(MAINTENANCE_STATUSES).contains(m.get("status").asText());
        }
        assertThat(read("scheduled-maintenances/upcoming.json").get("scheduled_maintenances"))
                .extracting(m -> m.get("id").asText() + "=" + m.get("status").asText())
                .containsExactly("mnt-hdf=scheduled");
        assertThat(read("scheduled-maintenances/active.json").get("scheduled_maintenances"))
                .extracting(m -> m.get("id").asText() + "=" + m.get("status").asText())
                .containsExactly("mnt-now=in_progress");
        assertThat(find(read("scheduled-maintenances/active.json").at("/scheduled_maintenances/0/components"),
                "mbn")).isNotNull();
    }

    @Test
    void impairedProbingIsNotPublishedAsOutages() throws Exception {
        JsonNode components = mapper.readTree(new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.impaired())
                .get("api/v2/components.json")).get("components");
        JsonNode idf = find(components, "ent-idf");
        assertThat(idf.get("status").asText()).isEqualTo("operational");
        assertThat(idf.at("/vigie/status_known").asBoolean()).isFalse();
        assertThat(idf.at("/vigie/vantage_agreement/impaired").asBoolean()).isTrue();
    }

    private static JsonNode find(JsonNode components, String id) {
        for (JsonNode c : components) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no component " + id);
    }
}
