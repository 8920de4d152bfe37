package fr.vigie.config.load;

import fr.vigie.config.ForecastConfig;

/** Reads the optional {@code forecast} section; what is absent keeps the fitted defaults. */
final class ForecastReader {
    private ForecastReader() {
    }

    static ForecastConfig forecast(Node node) {
        ForecastConfig d = ForecastConfig.DEFAULT;
        if (!node.mapping("enabled", "history-mornings", "min-mornings", "alert-hour", "knee", "floor", "high-risk",
                "moderate-risk")) {
            return d;
        }
        boolean enabled = node.get("enabled").bool(d.enabled());
        Long history = node.get("history-mornings").integer(2, 60);
        Long min = node.get("min-mornings").integer(2, 60);
        int historyMornings = history == null ? d.historyMornings() : history.intValue();
        int minMornings = min == null ? Math.min(d.minMornings(), historyMornings) : min.intValue();
        if (min != null && minMornings > historyMornings) {
            node.get("min-mornings").error("min-mornings (" + minMornings + ") cannot exceed history-mornings ("
                    + historyMornings + ")");
        }
        Long hour = node.get("alert-hour").integer(0, 23);
        double knee = fraction(node.get("knee"), d.knee(), 1, false);
        double floor = fraction(node.get("floor"), d.floor(), 1, false);
        if (node.get("floor").present() || node.get("knee").present()) {
            if (!(floor < knee)) {
                (node.get("floor").present() ? node.get("floor") : node.get("knee")).error("floor (" + floor
                        + ") must be below knee (" + knee + "): a rush without slowdown cannot be past the knee");
            }
        }
        double high = fraction(node.get("high-risk"), d.highRisk(), 1, true);
        // alone, high-risk keeps the shipped ratio (moderate at half of it), as the benchmark's fit does
        double moderate = fraction(node.get("moderate-risk"), node.get("high-risk").present() ? high / 2
                : d.moderateRisk(), 1, false);
        if ((node.get("moderate-risk").present() || node.get("high-risk").present()) && !(moderate < high)) {
            (node.get("moderate-risk").present() ? node.get("moderate-risk") : node.get("high-risk"))
                    .error("moderate-risk (" + moderate + ") must be below high-risk (" + high + ")");
        }
        return new ForecastConfig(enabled, historyMornings, minMornings, hour == null ? d.alertHour() : hour.intValue(),
                knee, floor, high, moderate);
    }

    /** A number in (0, max) or (0, max]; the fallback when absent or wrong (the error is recorded). */
    private static double fraction(Node node, double fallback, double max, boolean maxIncluded) {
        Double v = node.decimal(0);
        if (v == null) {
            return fallback;
        }
        if (maxIncluded ? v > max : v >= max) {
            node.error("expected a number greater than 0 and " + (maxIncluded ? "at most " : "below ") + max
                    + ", found " + v);
            return fallback;
        }
        return v;
    }
}
