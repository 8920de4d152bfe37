package fr.vigie.statuspage.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.DayStatus;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.statuspage.html.Paths;
import fr.vigie.statuspage.html.ViewFactory;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.PublicUpdates;
import fr.vigie.statuspage.model.StatuspageVocabulary;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.model.Words;
import fr.vigie.statuspage.output.SiteFiles;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code summary.json}, {@code status.json}, {@code components.json}, {@code incidents.json},
 * {@code incidents/unresolved.json} and {@code scheduled-maintenances[/upcoming|/active].json}.
 * Keys are sorted so the same state gives the same bytes.
 */
public final class StatuspageJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final int RECENT_INCIDENTS = 50;

    private final PublicState state;
    private final Words words;
    private final Words french;
    private final Words english;
    private final ViewFactory views;
    private final String siteUrl;
    private final String pageId;
    private final List<Target> ordered;
    private final String startDate;

    /** Incidents with a report (statuspage.report): their JSON entry links it under {@code vigie.report}. */
    private java.util.Set<String> reported = java.util.Set.of();

    /** @param reported ids of the incidents that have a report */
    public StatuspageJson(PublicState state, ViewFactory views, java.util.Set<String> reported) {
        this(state, views);
        this.reported = java.util.Set.copyOf(reported);
    }

    /** @param views views of the site's default language (update bodies are written in it) */
    public StatuspageJson(PublicState state, ViewFactory views) {
        this.state = state;
        this.views = views;
        this.words = views.words();
        this.french = new Words(Texts.of("fr"), state);
        this.english = new Words(Texts.of("en"), state);
        String url = state.config().site().baseUrl();
        this.siteUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String host = URI.create(siteUrl + "/").getHost();
        this.pageId = Paths.slug(host == null ? "vigie" : host);
        this.ordered = views.groups().stream().flatMap(g -> g.subgroups().stream())
                .flatMap(s -> s.services().stream()).map(s -> state.service(s.id()).orElseThrow()).toList();
        this.startDate = state.snapshot().history().values().stream().flatMap(List::stream).map(DayStatus::date)
                .min(java.util.Comparator.naturalOrder()).map(Object::toString).orElse(null);
    }

    public void addTo(SiteFiles files) {
        files.put("api/v2/status.json", json(withPage("status", status())));
        files.put("api/v2/components.json", json(withPage("components", components())));
        List<Map<String, Object>> incidents = state.incidents().stream().limit(RECENT_INCIDENTS)
                .map(this::incident).toList();
        List<Map<String, Object>> unresolved = state.openIncidents().stream().map(this::incident).toList();
        files.put("api/v2/incidents.json", json(withPage("incidents", incidents)));
        files.put("api/v2/incidents/unresolved.json", json(withPage("incidents", unresolved)));
        List<MaintenanceWindow> all = state.config().maintenance().stream()
                .sorted(java.util.Comparator.comparing(MaintenanceWindow::start).reversed()
                        .thenComparing(MaintenanceWindow::id)).toList();
        List<MaintenanceWindow> upcoming = all.stream().filter(m -> m.start().isAfter(state.at())).toList();
        List<MaintenanceWindow> active = all.stream()
                .filter(m -> !m.start().isAfter(state.at()) && m.end().isAfter(state.at())).toList();
        files.put("api/v2/scheduled-maintenances.json", json(withPage("scheduled_maintenances", maintenances(all))));
        files.put("api/v2/scheduled-maintenances/upcoming.json",
                json(withPage("scheduled_maintenances", maintenances(upcoming))));
        files.put("api/v2/scheduled-maintenances/active.json",
                json(withPage("scheduled_maintenances", maintenances(active))));
        Map<String, Object> summary = withPage("status", status());
        summary.put("components", components());
        summary.put("incidents", unresolved);
        List<MaintenanceWindow> coming = new ArrayList<>(active);
        coming.addAll(upcoming);
        summary.put("scheduled_maintenances", maintenances(coming));
        files.put("api/v2/summary.json", json(summary));
    }

    private Map<String, Object> withPage(String key, Object value) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("page", page());
        root.put(key, value);
        return root;
    }

    private Map<String, Object> page() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", pageId);
        page.put("name", state.config().site().title());
        page.put("url", siteUrl);
        page.put("time_zone", state.config().site().timeZone().getId());
        page.put("updated_at", time(state.at()));
        return page;
    }

    private Map<String, Object> status() {
        Optional<Status> overall = state.overall();
        String indicator = StatuspageVocabulary.indicator(overall.orElse(null));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("indicator", indicator);
        status.put("description", StatuspageVocabulary.indicatorDescription(indicator,
                overall.orElse(null) == Status.UNDER_MAINTENANCE));
        Map<String, Object> vigie = new LinkedHashMap<>();
        vigie.put("last_round_at", state.snapshot().lastRound() == null ? null : time(state.snapshot().lastRound()));
        vigie.put("vantages", state.snapshot().vantages());
        vigie.put("vantage_impaired", state.snapshot().vantageImpaired());
        var report = state.snapshot().vantageReport();
        vigie.put("partial_confidence", report != null && report.partialConfidence());
        if (report != null) {
            vigie.put("vantage_vote", Map.of("expected", report.expected(), "quorum", report.quorum(),
                    "healthy", report.healthyCount()));
        }
        status.put("vigie", vigie);
        return status;
    }

    /** Groups (a region of ENTs, CNED, ÉduConnect) then their services, in home-page order. */
    private List<Map<String, Object>> components() {
        List<Map<String, Object>> components = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Target t : ordered) {
            groups.computeIfAbsent(groupName(t), g -> new ArrayList<>()).add(t.id());
        }
        int position = 1;
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            Map<String, Object> c = componentBase(groupId(group.getKey()), group.getKey(), position++);
            List<Status> statuses = group.getValue().stream().map(state::shownStatus).flatMap(Optional::stream)
                    .toList();
            c.put("status", statuses.stream().reduce(Status::worst).orElse(Status.OPERATIONAL).wire());
            c.put("group", true);
            c.put("group_id", null);
            c.put("components", group.getValue());
            c.put("description", null);
            components.add(c);
        }
        for (Target t : ordered) {
            components.add(component(t, position++));
        }
        return components;
    }

    private Map<String, Object> component(Target t, int position) {
        Map<String, Object> c = componentBase(t.id(), t.name(), position);
        Optional<Verdict> verdict = state.verdict(t.id());
        Optional<Status> shown = state.shownStatus(t.id());
        // Statuspage has no "unknown": an unmeasured service stays operational, flagged under vigie.
        c.put("status", shown.orElse(Status.OPERATIONAL).wire());
        c.put("group", false);
        c.put("group_id", groupId(groupName(t)));
        c.put("description", t.academies().isEmpty() ? null : String.join(", ", t.academies()));
        verdict.ifPresent(v -> c.put("updated_at", time(v.ts())));
        Map<String, Object> vigie = new LinkedHashMap<>();
        vigie.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
        vigie.put("region", t.region());
        vigie.put("academies", t.academies());
        vigie.put("status_known", shown.isPresent());
        boolean explain = shown.isPresent() && verdict.isPresent();
        vigie.put("cause", explain ? verdict.get().cause().wire() : null);
        vigie.put("cause_text", explain ? causeText(verdict.get().cause()) : null);
        vigie.put("causes", explain ? verdict.get().causes().stream().map(Cause::wire).sorted().toList() : List.of());
        vigie.put("confidence", explain ? verdict.get().confidence() : null);
        vigie.put("evidence", explain ? evidence(verdict.get().evidence()) : List.of());
        vigie.put("vantage_agreement", Map.of("vantages", state.snapshot().vantages(),
                "impaired", state.impaired(t.id()) || state.snapshot().vantageImpaired()));
        vigie.put("incident", explain && verdict.get().incident() != null
                && state.incidents().stream().anyMatch(i -> i.id().equals(verdict.get().incident()))
                ? verdict.get().incident() : null);
        vigie.put("page", siteUrl + "/" + ViewFactory.serviceHref(t.id()));
        c.put("vigie", vigie);
        return c;
    }

    private Map<String, Object> componentBase(String id, String name, int position) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("name", name);
        c.put("page_id", pageId);
        c.put("position", position);
        c.put("showcase", true);
        c.put("only_show_if_degraded", false);
        String start = startDate;
        c.put("start_date", start);
        c.put("created_at", start == null ? time(state.at())
                : time(java.time.LocalDate.parse(start).atStartOfDay(state.config().site().timeZone()).toInstant()));
        c.put("updated_at", time(state.at()));
        return c;
    }

    private String groupName(Target t) {
        if (t.kind() == TargetKind.ENT) {
            return "ENT " + (t.region() == null ? "" : t.region()).trim();
        }
        return t.kind() == TargetKind.CNED ? "CNED" : t.kind() == TargetKind.SSO ? "ÉduConnect" : t.kind().name();
    }

    private static String groupId(String name) {
        return "group-" + Paths.slug(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", ""));
    }

    private Map<String, Object> incident(Incident incident) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("id", incident.id());
        i.put("name", words.incidentName(incident));
        i.put("status", StatuspageVocabulary.incidentStatus(incident));
        i.put("impact", StatuspageVocabulary.impact(incident));
        i.put("created_at", time(incident.openedAt()));
        i.put("started_at", time(incident.openedAt()));
        i.put("updated_at", time(incident.updatedAt()));
        i.put("resolved_at", incident.resolvedAt() == null ? null : time(incident.resolvedAt()));
        i.put("monitoring_at", monitoringAt(incident));
        i.put("shortlink", siteUrl + "/" + ViewFactory.incidentHref(incident.id()));
        i.put("page_id", pageId);
        i.put("components", incident.targets().stream().flatMap(id -> state.service(id).stream())
                .map(t -> component(t, ordered.indexOf(t) + 1)).toList());
        List<Map<String, Object>> updates = new ArrayList<>();
        // Statuspage lists updates newest first; automatic changes are batched as on the page (PublicUpdates).
        List<Integer> shown = new ArrayList<>(PublicUpdates.indexes(incident));
        java.util.Collections.reverse(shown);
        for (int index : shown) {
            updates.add(update(incident, index));
        }
        i.put("incident_updates", updates);
        Map<String, Object> vigie = new LinkedHashMap<>();
        vigie.put("cause", incident.cause() == null ? null : incident.cause().wire());
        vigie.put("cause_text", causeText(incident.cause()));
        vigie.put("evidence", evidence(incident.evidence()));
        vigie.put("status", incident.status() == null ? null : incident.status().wire());
        vigie.put("targets", incident.targets());
        if (reported.contains(incident.id())) {
            // Added field: the report's page, PDF and JSON (docs/statuspage.md, "Incident reports").
            vigie.put("report", Map.of(
                    "page", siteUrl + "/" + ViewFactory.incidentHref(incident.id()) + "report/",
                    "pdf", siteUrl + "/" + ViewFactory.incidentHref(incident.id()) + "report.pdf",
                    "json", siteUrl + "/" + ViewFactory.incidentHref(incident.id()) + "report.json"));
        }
        i.put("vigie", vigie);
        return i;
    }

    private Object monitoringAt(Incident incident) {
        for (int index = 0; index < incident.updates().size(); index++) {
            if ("monitoring".equals(StatuspageVocabulary.incidentStatusAfter(incident, index))) {
                return time(incident.updates().get(index).ts());
            }
        }
        return null;
    }

    private Map<String, Object> update(Incident incident, int index) {
        IncidentEvent event = incident.updates().get(index);
        Incident before = index == 0 ? null : Incident.fold(incident.scope(), incident.updates().subList(0, index));
        Incident after = Incident.fold(incident.scope(), incident.updates().subList(0, index + 1));
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", incident.id() + "-" + event.seq());
        u.put("incident_id", incident.id());
        u.put("status", StatuspageVocabulary.incidentStatus(after));
        u.put("body", words.updateText(event, after));
        u.put("created_at", time(event.ts()));
        u.put("updated_at", time(event.ts()));
        u.put("display_at", time(event.ts()));
        u.put("deliver_notifications", true);
        boolean changed = before == null || before.status() != after.status()
                || event.type() == IncidentEvent.Type.RESOLVED;
        if (changed) {
            Status newStatus = after.open() ? after.status() : Status.OPERATIONAL;
            u.put("affected_components", after.targets().stream().map(id -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("code", id);
                a.put("name", state.nameOf(id));
                a.put("old_status", before == null || before.status() == null ? Status.OPERATIONAL.wire()
                        : before.status().wire());
                a.put("new_status", newStatus == null ? Status.OPERATIONAL.wire() : newStatus.wire());
                return a;
            }).toList());
        } else {
            u.put("affected_components", null);
        }
        return u;
    }

    private List<Map<String, Object>> maintenances(List<MaintenanceWindow> windows) {
        return windows.stream().map(this::maintenance).toList();
    }

    private Map<String, Object> maintenance(MaintenanceWindow window) {
        String status = !window.start().isAfter(state.at())
                ? (window.end().isAfter(state.at()) ? "in_progress" : "completed") : "scheduled";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", window.id());
        m.put("name", window.description());
        m.put("status", status);
        m.put("impact", "maintenance");
        m.put("created_at", time(window.start()));
        m.put("updated_at", time(window.start()));
        m.put("started_at", time(window.start()));
        m.put("scheduled_for", time(window.start()));
        m.put("scheduled_until", time(window.end()));
        m.put("monitoring_at", null);
        m.put("resolved_at", "completed".equals(status) ? time(window.end()) : null);
        m.put("shortlink", siteUrl + "/");
        m.put("page_id", pageId);
        m.put("components", state.servicesOf(window).stream().map(t -> component(t, ordered.indexOf(t) + 1))
                .toList());
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", window.id() + "-0");
        update.put("incident_id", window.id());
        update.put("status", status);
        update.put("body", window.description());
        update.put("created_at", time(window.start()));
        update.put("updated_at", time(window.start()));
        update.put("display_at", time(window.start()));
        update.put("affected_components", null);
        update.put("deliver_notifications", true);
        m.put("incident_updates", List.of(update));
        return m;
    }

    /** The cause as the page words it, {fr, en}: "cause en cours d'analyse" while below the confidence bar. */
    private Map<String, String> causeText(Cause cause) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("en", english.causeSentence(cause));
        text.put("fr", french.causeSentence(cause));
        return cause == null || cause == Cause.NONE ? null : text;
    }

    private static List<Map<String, String>> evidence(List<Evidence> evidence) {
        return evidence.stream().filter(java.util.Objects::nonNull).map(e -> {
            Map<String, String> sentence = new LinkedHashMap<>();
            sentence.put("en", e.en());
            sentence.put("fr", e.fr());
            return sentence;
        }).toList();
    }

    /** Statuspage's form: milliseconds always, never more ("2021-04-06T08:02:00.000+02:00"), the site's offset. */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private String time(Instant instant) {
        return MILLIS.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                .atZone(state.config().site().timeZone()));
    }

    private static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }
}
