package fr.vigie.statuspage.html;

import fr.vigie.aggregator.DayStatus;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.statuspage.model.LocalTimes;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.PublicUpdates;
import fr.vigie.statuspage.model.StatuspageVocabulary;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.model.Words;

import java.text.Collator;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds the view records of one language from the public state. */
public final class ViewFactory {
    private final PublicState state;
    private final Words words;
    private final Texts texts;
    private final LocalTimes times;
    private final Charts charts;
    private final Collator collator;

    public ViewFactory(PublicState state, Texts texts) {
        this.state = state;
        this.texts = texts;
        this.words = new Words(texts, state);
        this.times = new LocalTimes(state.config().site().timeZone(), texts, state.at());
        this.charts = new Charts(words, times);
        this.collator = Collator.getInstance(Locale.FRENCH);
    }

    public Words words() {
        return words;
    }

    public LocalTimes times() {
        return times;
    }

    /** Site-relative folder of a service page. */
    public static String serviceHref(String id) {
        return "services/" + Paths.slug(id) + "/";
    }

    /** Site-relative folder of a region's feeds: "regions/ile-de-france/". */
    public static String regionHref(String region) {
        String plain = java.text.Normalizer.normalize(region, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return "regions/" + Paths.slug(plain) + "/";
    }

    public static String incidentHref(String id) {
        return "incidents/" + Paths.slug(id) + "/";
    }

    public Views.ServiceView service(Target target) {
        String id = target.id();
        boolean impaired = state.impaired(id);
        Verdict verdict = state.verdict(id).orElse(null);
        String key;
        String text;
        if (impaired) {
            key = "unknown";
            text = texts.get("status.impaired");
        } else if (verdict == null) {
            key = "unknown";
            text = texts.get("status.unknown");
        } else {
            key = verdict.status().wire();
            text = words.status(verdict.status());
        }
        // A declared maintenance explains itself; a cause line would only repeat it.
        boolean explain = verdict != null && !impaired && verdict.status() != Status.OPERATIONAL
                && verdict.status() != Status.UNDER_MAINTENANCE;
        String cause = explain ? words.causeSentence(verdict.cause()) : null;
        List<String> evidence = explain ? words.evidence(verdict.evidence()) : List.of();
        String confidence = explain && cause != null && verdict.cause() != fr.vigie.aggregator.Cause.UNKNOWN
                ? texts.format("confidence", Math.round(verdict.confidence() * 100)) : null;
        // The last probe, not the last change of state: a healthy card must not look stale.
        java.time.Instant probed = state.snapshot().lastProbe().get(id);
        if (verdict != null && (probed == null || verdict.ts().isAfter(probed))) {
            probed = verdict.ts();
        }
        String lastCheck = probed == null ? texts.get("home.never_checked") : times.relative(probed);
        String kind = texts.get("service.kind." + target.kind().name().toLowerCase(Locale.ROOT));
        return new Views.ServiceView(id, target.name(), serviceHref(id), key, text, cause, evidence, confidence,
                lastCheck, String.join(", ", target.academies()), kind,
                // What the home page's finder matches: name, region, académies, kind.
                String.join(" ", target.name(), target.region() == null ? "" : target.region(),
                        String.join(" ", target.academies()), kind).trim());
    }

    /**
     * ÉduConnect first (every ENT login goes through it: a parent must see it without scrolling), then ENTs by
     * region (alphabetical), then CNED; services alphabetical inside.
     */
    public List<Views.Group> groups() {
        List<Views.Group> groups = new ArrayList<>();
        addFlatGroup(groups, TargetKind.SSO, "home.group.sso");
        Map<String, List<Views.ServiceView>> regions = new TreeMap<>(collator::compare);
        for (Target t : state.services()) {
            if (t.kind() == TargetKind.ENT) {
                String region = t.region() == null ? texts.get("home.group.other") : t.region();
                regions.computeIfAbsent(region, r -> new ArrayList<>()).add(service(t));
            }
        }
        if (!regions.isEmpty()) {
            groups.add(new Views.Group(texts.get("home.group.ent"), regions.entrySet().stream()
                    .map(e -> new Views.Subgroup(e.getKey(), sorted(e.getValue()),
                            e.getKey().equals(texts.get("home.group.other")) ? null : regionHref(e.getKey())))
                    .toList()));
        }
        addFlatGroup(groups, TargetKind.CNED, "home.group.cned");
        return groups;
    }

    private void addFlatGroup(List<Views.Group> groups, TargetKind kind, String titleKey) {
        List<Views.ServiceView> services = state.services().stream().filter(t -> t.kind() == kind)
                .map(this::service).collect(Collectors.toCollection(ArrayList::new));
        if (!services.isEmpty()) {
            groups.add(new Views.Group(texts.get(titleKey), List.of(new Views.Subgroup(null, sorted(services), null))));
        }
    }

    private List<Views.ServiceView> sorted(List<Views.ServiceView> services) {
        return services.stream().sorted(Comparator.comparing(Views.ServiceView::name, collator::compare)
                .thenComparing(Views.ServiceView::id)).toList();
    }

    public Views.Banner banner() {
        Status overall = state.overall().orElse(null);
        if (overall == null) {
            return new Views.Banner("unknown", texts.get("banner.unknown"), null);
        }
        String indicator = StatuspageVocabulary.indicator(overall);
        String title = overall == Status.UNDER_MAINTENANCE ? texts.get("banner.maintenance")
                : texts.get("banner." + indicator);
        List<Target> disrupted = state.disrupted();
        String detail = disrupted.isEmpty() ? null : texts.format("banner.affected",
                words.serviceList(disrupted.stream().map(Target::id).toList()));
        return new Views.Banner(overall.wire(), title, detail);
    }

    public Views.Trust trust() {
        String lastRound = state.snapshot().lastRound() == null ? texts.get("trust.no_round")
                : times.relative(state.snapshot().lastRound());
        var report = state.snapshot().vantageReport();
        return new Views.Trust(lastRound, state.snapshot().vantages(), state.snapshot().vantageImpaired(),
                report != null && report.partialConfidence());
    }

    public Views.IncidentView incident(Incident incident) {
        String statuspage = StatuspageVocabulary.incidentStatus(incident);
        // Chronological, one update per batch of automatic changes (PublicUpdates).
        List<Views.UpdateView> updates = PublicUpdates.indexes(incident).stream().map(i -> update(incident, i))
                .toList();
        String end = incident.open() ? texts.get("incident.ongoing") : times.dateTime(incident.resolvedAt());
        Duration lasted = Duration.between(incident.openedAt(),
                incident.open() ? state.at() : incident.resolvedAt());
        List<Views.Link> services = incident.targets().stream()
                .map(id -> new Views.Link(state.nameOf(id), state.service(id).isPresent() ? serviceHref(id) : null))
                .toList();
        return new Views.IncidentView(incident.id(), words.incidentName(incident), incidentHref(incident.id()),
                statuspage, words.incidentStatus(statuspage),
                incident.status() == null ? "unknown" : incident.status().wire(), words.status(incident.status()),
                incident.open(), times.dateTime(incident.openedAt()),
                times.iso(incident.openedAt()), end, times.duration(lasted), words.causeSentence(incident.cause()),
                words.evidence(incident.evidence()), services, updates.isEmpty() ? null : updates.get(updates.size() - 1), updates,
                texts.get("advice." + (incident.cause() == null ? "unknown" : incident.cause().wire())));
    }

    private Views.UpdateView update(Incident incident, int index) {
        IncidentEvent event = incident.updates().get(index);
        Incident after = Incident.fold(incident.scope(), incident.updates().subList(0, index + 1));
        String state = words.incidentStatus(StatuspageVocabulary.incidentStatus(after));
        return new Views.UpdateView(times.dateTime(event.ts()), times.iso(event.ts()), state, words.author(event),
                words.updateText(event, after));
    }

    public List<Views.IncidentView> openIncidents() {
        return state.openIncidents().stream().map(this::incident).toList();
    }

    /** Incidents grouped by the month they opened in, newest month first. */
    public List<Views.Month> months() {
        Map<YearMonth, List<Views.IncidentView>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        for (Incident incident : state.incidents()) {
            byMonth.computeIfAbsent(times.monthOf(incident.openedAt()), m -> new ArrayList<>()).add(incident(incident));
        }
        return byMonth.entrySet().stream().map(e -> new Views.Month(times.month(e.getKey()), e.getValue())).toList();
    }

    public List<Views.MaintenanceView> maintenance() {
        return state.comingMaintenance().stream().map(m -> new Views.MaintenanceView(m.description(),
                times.dateTime(m.start()), times.dateTime(m.end()),
                words.serviceList(state.servicesOf(m).stream().map(Target::id).toList()))).toList();
    }

    /** "1 jour de mesure", "12 jours de mesure". */
    private String measuredDays(int n) {
        return texts.format(n == 1 ? "service.measured.one" : "service.measured.many", n);
    }

    public Views.ServicePage servicePage(Target target) {
        List<DayStatus> days = state.history(target.id());
        List<Views.DisruptedDay> disrupted = days.stream()
                .filter(d -> d.worst() != null && d.worst() != Status.OPERATIONAL)
                .map(d -> new Views.DisruptedDay(times.date(d.date()),
                        Double.isNaN(d.uptime()) ? texts.get("service.history90.nodata") : charts.percent(d.uptime()),
                        words.status(d.worst()))).toList();
        // Only measured days count, and the page says how many: one day of data is never a 90-day figure.
        double[] uptimes = days.stream().mapToDouble(DayStatus::uptime).filter(u -> !Double.isNaN(u)).toArray();
        String summary = uptimes.length == 0 ? texts.get("service.history90.none_measured")
                : texts.format("service.history90.summary", measuredDays(uptimes.length),
                charts.percent(java.util.Arrays.stream(uptimes).average().orElse(0)), disrupted.size());
        List<Views.Chart> latency = List.of(
                charts.latency(state.latency24h(target.id()), texts.get("service.latency24"), true),
                charts.latency(state.latency7d(target.id()), texts.get("service.latency7"), false));
        List<Incident> incidents = state.incidentsOf(target.id());
        return new Views.ServicePage(service(target), charts.historyBars(days, summary), summary, disrupted,
                latency, incidents.stream().filter(Incident::open).map(this::incident).toList(),
                incidents.stream().filter(i -> !i.open()).map(this::incident).toList());
    }
}
