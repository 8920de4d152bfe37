package fr.vigie.app.demo;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Prints, as they happen, what Vigie decides during a demo: verdict changes and incident events, in French. */
final class DemoConsole implements AggregatorListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;
    private final ZoneId zone;
    private final Set<String> troubled = ConcurrentHashMap.newKeySet();

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
        String cause = v.cause() == fr.vigie.aggregator.Cause.UNKNOWN ? "cause en cours d'analyse"
                : "cause probable : " + v.cause().wire();
        out.printf("%s  détecté   %-22s %-21s %s%s%n", TIME.format(v.ts().atZone(zone)), v.target(),
                v.status().wire(), cause, evidence);
    }

    @Override
    public void onIncidentEvent(IncidentEvent e, Incident state) {
        String evidence = state.evidence().stream().findFirst().map(Evidence::fr).map(s -> " — " + s).orElse("");
        out.printf("%s  incident  %-22s %-21s %s (%d service(s))%s%n", TIME.format(e.ts().atZone(zone)),
                state.id(), e.type().name().toLowerCase(), state.cause().wire(), state.targets().size(), evidence);
    }
}
