package fr.vigie.app.demo;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;
import fr.vigie.statuspage.model.Texts;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints, as they happen, what Vigie decides during a demo: verdict changes and incident events, in French, with the
 * status page's own words for statuses and causes (the wire codes stay in the JSON, traces and classify output).
 */
final class DemoConsole implements AggregatorListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;
    private final ZoneId zone;
    private final Set<String> troubled = ConcurrentHashMap.newKeySet();
    private final Texts words = Texts.of("fr");

    DemoConsole(PrintStream out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    @Override
    public void onVerdict(Verdict v) {
        // Healthy first verdicts are the normal case: print only departures from it and the recoveries.
        boolean healthy = v.status() == Status.OPERATIONAL && v.cause() == Cause.NONE;
        if (healthy) {
            if (!troubled.remove(v.target())) {
                return;
            }
        } else {
            troubled.add(v.target());
        }
        String evidence = v.evidence().isEmpty() ? "" : " — " + v.evidence().get(0).fr();
        // Below the classifier's confidence bar nothing is named, not even as probable.
        String cause = v.cause() == Cause.UNKNOWN ? words.get("cause.pending")
                : words.get("cause.label") + " " + causeWords(v.cause());
        out.printf("%s  détecté   %-22s %-18s %s%s%n", TIME.format(v.ts().atZone(zone)), v.target(),
                words.get("status." + v.status().wire()), cause, evidence);
    }

    @Override
    public void onIncidentEvent(IncidentEvent e, Incident state) {
        String evidence = state.evidence().stream().findFirst().map(Evidence::fr).map(s -> " — " + s).orElse("");
        out.printf("%s  incident  %-22s %-18s %s (%d service(s))%s%n", TIME.format(e.ts().atZone(zone)),
                state.id(), eventWords(e.type()), causeWords(state.cause()), state.targets().size(), evidence);
    }

    private String causeWords(Cause c) {
        return c == Cause.UNKNOWN ? words.get("cause.pending") : words.get("cause." + c.wire());
    }

    /** What happened to the incident, in a few words (the site says it in sentences). */
    static String eventWords(IncidentEvent.Type type) {
        return switch (type) {
            case OPENED -> "ouvert";
            case STATUS_CHANGED -> "statut modifié";
            case CAUSE_CHANGED -> "cause modifiée";
            case TARGETS_CHANGED -> "services modifiés";
            case EVIDENCE_UPDATED -> "constats mis à jour";
            case HUMAN_UPDATE -> "message publié";
            case RESOLVED -> "résolu";
        };
    }
}
