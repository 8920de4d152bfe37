package fr.vigie.statuspage.report;

import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Verdict;
import fr.vigie.aggregator.store.Store;
import fr.vigie.probes.StepResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a report's measurements from the store (blocking: call from the regenerator's thread, never a loop). */
public final class StoreReportSource implements ReportSource {
    private final Store store;

    public StoreReportSource(Store store) {
        this.store = store;
    }

    @Override
    public ReportData load(Incident incident) {
        ReportWindow window = ReportWindow.around(incident);
        Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
        Map<String, List<StepResult>> results = new LinkedHashMap<>();
        for (String target : ReportData.targetsOf(incident)) {
            verdicts.put(target, store.verdicts(target, window.from(), window.to()));
            results.put(target, store.results(target, window.from(), window.to()));
        }
        return new ReportData(incident, window, verdicts, results);
    }
}
