package fr.vigie.statuspage.report;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Quantiles;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.Target;
import fr.vigie.probes.StepResult;
import fr.vigie.statuspage.html.ViewFactory;
import fr.vigie.statuspage.model.LocalTimes;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.PublicUpdates;
import fr.vigie.statuspage.model.StatuspageVocabulary;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.model.Words;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Words one incident's measurements into the report of one language. */
final class ReportBuilder {
    private final PublicState state;
    private final Texts site;
    private final ReportTexts texts;
    private final Words words;
    private final LocalTimes times;
    private final ReportCharts charts;
    private final ReportStatements statements;

    ReportBuilder(PublicState state, Texts site) {
        this.state = state;
        this.site = site;
        this.texts = ReportTexts.of(site.language());
        this.words = new Words(site, state);
        this.times = new LocalTimes(state.config().site().timeZone(), site, state.at());
        this.charts = new ReportCharts(times, site.locale());
        this.statements = new ReportStatements(texts, words, site.locale());
    }

    ReportTexts texts() {
        return texts;
    }

    /** The report and the statements it rests on (the JSON version repeats their figures). */
    record Built(ReportViews.Report view, ReportStatements.Statements statements, Set<String> vantages) {
    }

    Built build(ReportData data) {
        Incident incident = data.incident();
        ReportWindow window = data.window();
        Status worst = incident.updates().stream().map(IncidentEvent::status).filter(Objects::nonNull)
                .reduce(Status.OPERATIONAL, Status::worst);
        String duration = times.duration(Duration.between(window.faultFrom(), window.faultTo()));
        Set<String> vantages = data.results().values().stream().flatMap(List::stream).map(StepResult::vantage)
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        List<ReportViews.ServiceRow> services = services(data);
        ReportStatements.Statements said = statements.of(data, services.size(), words.status(worst), duration,
                vantages.size());
        String title = words.incidentName(incident);
        String bucket = times.duration(Duration.between(window.from(), window.to()).dividedBy(StepSeries.BUCKETS));
        ReportViews.Report view = new ReportViews.Report(incident.id(), title,
                texts.format("report.intro", title, times.zoneName(window.faultFrom())),
                ViewFactory.incidentHref(incident.id()), times.dateTime(window.faultFrom()),
                times.iso(window.faultFrom()), times.dateTime(window.faultTo()), duration, words.status(worst),
                said.supported(), said.notSupported(), timeline(data), services,
                texts.format("report.charts.intro", StepSeries.BUCKETS, bucket), charts(data),
                vantageSummary(vantages), vantageRows(data, vantages), notes(incident),
                texts.format("report.generated", times.dateTime(window.faultTo())));
        return new Built(view, said, vantages);
    }

    /** Measured state changes and published updates, in the order they happened (measured first on a tie). */
    private List<ReportViews.TimelineRow> timeline(ReportData data) {
        record Timed(Instant at, int order, ReportViews.TimelineRow row) {
        }
        List<Timed> rows = new ArrayList<>();
        data.verdicts().forEach((target, verdicts) -> {
            for (Verdict v : verdicts) {
                rows.add(new Timed(v.ts(), 0, new ReportViews.TimelineRow(times.dateTime(v.ts()), times.iso(v.ts()),
                        "measured", texts.get("report.kind.measured"), state.nameOf(target), words.status(v.status()),
                        causeWithConfidence(v), words.evidence(v.evidence()))));
            }
        });
        Incident incident = data.incident();
        for (int index : PublicUpdates.indexes(incident)) {
            IncidentEvent event = incident.updates().get(index);
            Incident after = Incident.fold(incident.scope(), incident.updates().subList(0, index + 1));
            String cause = after.open() ? words.causeSentence(after.cause()) : null;
            List<String> evidence = new ArrayList<>(words.evidence(event.evidence()));
            evidence.add(0, words.updateText(event, after));
            rows.add(new Timed(event.ts(), 1, new ReportViews.TimelineRow(times.dateTime(event.ts()),
                    times.iso(event.ts()), "published", texts.get("report.kind.published"), words.author(event),
                    words.incidentStatus(StatuspageVocabulary.incidentStatus(after)), cause, evidence)));
        }
        rows.sort(Comparator.comparing(Timed::at).thenComparingInt(Timed::order));
        return rows.stream().map(Timed::row).toList();
    }

    private String causeWithConfidence(Verdict v) {
        String sentence = v.status() == Status.OPERATIONAL ? null : words.causeSentence(v.cause());
        if (sentence == null) {
            return null;
        }
        return v.cause() == Cause.UNKNOWN ? sentence
                : sentence + " (" + texts.format("report.confidence", statements.confidence(v.confidence())) + ")";
    }

    private List<ReportViews.ServiceRow> services(ReportData data) {
        List<ReportViews.ServiceRow> rows = new ArrayList<>();
        for (String id : ReportData.targetsOf(data.incident())) {
            Target t = state.service(id).orElse(null);
            if (t == null) {
                continue; // a control target or one no longer configured: never on the public page
            }
            Status worst = data.verdicts().getOrDefault(id, List.of()).stream().map(Verdict::status)
                    .reduce(Status.OPERATIONAL, Status::worst);
            rows.add(new ReportViews.ServiceRow(t.name(), ViewFactory.serviceHref(id),
                    site.get("service.kind." + t.kind().name().toLowerCase(java.util.Locale.ROOT)),
                    t.region() == null ? texts.get("report.none") : t.region(),
                    t.hostingGroup() == null || t.hostingGroup().isBlank() ? texts.get("report.hosting.unknown")
                            : t.hostingGroup(), words.status(worst)));
        }
        return rows;
    }

    private List<ReportViews.ServiceCharts> charts(ReportData data) {
        List<ReportViews.ServiceCharts> out = new ArrayList<>();
        String fault = texts.format("report.chart.fault", times.clock(data.window().faultFrom()),
                times.clock(data.window().faultTo()));
        for (String id : ReportData.targetsOf(data.incident())) {
            if (state.service(id).isEmpty()) {
                continue;
            }
            List<StepResult> results = data.results().getOrDefault(id, List.of());
            StepSeries series = StepSeries.of(data.window(), results);
            String name = state.nameOf(id);
            String latencyLabel = texts.format("report.chart.latency", name);
            String errorsLabel = texts.format("report.chart.errors", name);
            boolean empty = series.steps().isEmpty();
            out.add(new ReportViews.ServiceCharts(name, empty ? null : charts.latency(series, latencyLabel, fault),
                    empty ? null : charts.errors(series, errorsLabel, fault), latencyLabel, errorsLabel,
                    stepRows(data.window(), results)));
        }
        return out;
    }

    private List<ReportViews.StepRow> stepRows(ReportWindow window, List<StepResult> results) {
        Map<String, List<StepResult>> byStep = results.stream().filter(StepSeries::counts)
                .collect(Collectors.groupingBy(StepResult::step, LinkedHashMap::new, Collectors.toList()));
        List<ReportViews.StepRow> rows = new ArrayList<>();
        byStep.forEach((step, all) -> {
            List<StepResult> before = all.stream().filter(r -> r.ts().isBefore(window.faultFrom())).toList();
            List<StepResult> during = all.stream().filter(r -> window.inFault(r.ts())).toList();
            long failed = during.stream().filter(r -> !r.ok()).count();
            String main = during.stream().filter(r -> !r.ok())
                    .collect(Collectors.groupingBy(r -> r.outcome().wire(), TreeMap::new, Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(texts.get("report.none"));
            rows.add(new ReportViews.StepRow(step, median(before), median(during),
                    during.isEmpty() ? texts.get("report.none") : failed + " / " + during.size() + " ("
                            + String.format(site.locale(), "%.0f %%", 100.0 * failed / during.size()) + ")",
                    main));
        });
        return rows;
    }

    private String median(List<StepResult> results) {
        double m = Quantiles.median(results.stream().map(StepResult::totalMs).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray());
        return Double.isNaN(m) ? texts.get("report.none") : charts.seconds(m);
    }

    private String vantageSummary(Set<String> vantages) {
        if (vantages.isEmpty()) {
            return texts.get("report.vantages.none");
        }
        return vantages.size() == 1 ? texts.format("report.vantages.one", vantages.iterator().next())
                : texts.format("report.vantages.many", vantages.size());
    }

    /** Per vantage: journeys run during the incident and how many had a failed step. */
    private List<ReportViews.VantageRow> vantageRows(ReportData data, Set<String> vantages) {
        List<ReportViews.VantageRow> rows = new ArrayList<>();
        for (String vantage : vantages) {
            Map<String, Boolean> runs = new TreeMap<>();
            data.results().values().stream().flatMap(List::stream)
                    .filter(r -> vantage.equals(r.vantage()) && StepSeries.counts(r) && data.window().inFault(r.ts()))
                    .forEach(r -> runs.merge(r.target() + "|" + (r.run() == null ? r.ts() : r.run()), !r.ok(),
                            Boolean::logicalOr));
            long failed = runs.values().stream().filter(b -> b).count();
            rows.add(new ReportViews.VantageRow(vantage, String.valueOf(runs.size()), runs.isEmpty() ? texts.get(
                    "report.none") : failed + " (" + String.format(site.locale(), "%.0f %%", 100.0 * failed
                    / runs.size()) + ")"));
        }
        return rows;
    }

    private List<ReportViews.Note> notes(Incident incident) {
        Function<IncidentEvent, Boolean> human = e -> e.type() == IncidentEvent.Type.HUMAN_UPDATE
                || (e.author() != null && !"vigie".equals(e.author()));
        return incident.updates().stream().filter(human::apply)
                .filter(e -> e.message() != null && !e.message().isBlank())
                .map(e -> new ReportViews.Note(times.dateTime(e.ts()), times.iso(e.ts()), words.author(e),
                        e.message())).toList();
    }
}
