package fr.vigie.statuspage.report;

import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Verdict;
import fr.vigie.probes.StepResult;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measurements behind one report, read once from the store.
 *
 * @param verdicts verdict changes per affected target inside the window, oldest first
 * @param results  step results per affected target inside the window, oldest first
 */
public record ReportData(Incident incident, ReportWindow window, Map<String, List<Verdict>> verdicts,
                         Map<String, List<StepResult>> results) {
    public ReportData {
        verdicts = Map.copyOf(verdicts);
        results = Map.copyOf(results);
    }

    /** Every target the incident touched at any time, in the order they joined. */
    public static Set<String> targetsOf(Incident incident) {
        Set<String> all = new LinkedHashSet<>(incident.targets());
        incident.updates().forEach(e -> all.addAll(e.targets()));
        return all;
    }
}
