package fr.vigie.statuspage.html;

import fr.vigie.aggregator.DayStatus;
import fr.vigie.aggregator.LatencyPoint;
import fr.vigie.aggregator.Quantiles;
import fr.vigie.statuspage.model.LocalTimes;
import fr.vigie.statuspage.model.Words;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import fr.vigie.statuspage.model.Decimals;

import java.util.Locale;

/**
 * Inline SVG drawn at generation time (no script): the 90-day history bars and the response-time
 * lines. Colours come from the stylesheet classes; each chart carries a text alternative.
 */
public final class Charts {
    private static final int BAR_STEP = 4;
    private static final int BAR_WIDTH = 3;
    private static final int BAR_HEIGHT = 30;
    private static final int WIDTH = 360;
    private static final int HEIGHT = 150;
    private static final int LEFT = 46;
    private static final int BOTTOM = 22;
    private static final int TOP = 8;

    private final Words words;
    private final LocalTimes times;
    private final Locale locale;

    public Charts(Words words, LocalTimes times) {
        this.words = words;
        this.times = times;
        this.locale = words.texts().locale();
    }

    /** One bar per day, oldest left; the bar's class carries the day's worst status. */
    public String historyBars(List<DayStatus> days, String label) {
        StringBuilder svg = new StringBuilder();
        int slots = Math.max(90, days.size());
        svg.append("<svg class=\"bars\" viewBox=\"0 0 ").append(slots * BAR_STEP).append(' ').append(BAR_HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
        int offset = slots - days.size();
        for (int i = 0; i < days.size(); i++) {
            DayStatus day = days.get(i);
            boolean noData = Double.isNaN(day.uptime()) || day.worst() == null;
            String key = noData ? "none" : day.worst().wire();
            String title = times.date(day.date()) + " : "
                    + (noData ? words.texts().get("service.history90.nodata")
                    : words.status(day.worst()) + ", " + percent(day.uptime()));
            svg.append("<rect class=\"b-").append(key).append("\" x=\"").append((offset + i) * BAR_STEP)
                    .append("\" y=\"0\" width=\"").append(BAR_WIDTH).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\"><title>").append(Html.escape(title)).append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    /** "99,2 %" (French) or "99.2 %". */
    public String percent(double fraction) {
        return Decimals.oneDecimal(fraction * 100, locale) + " %";
    }

    /** Milliseconds in words: "420 ms", "1,8 s". */
    public String millis(double ms) {
        if (ms < 1000) {
            return String.format(locale, "%.0f ms", ms);
        }
        return Decimals.oneDecimal(ms / 1000, locale) + " s";
    }

    /** Median (solid) and 95th percentile (dashed) over the period; gaps where there was no data. */
    public Views.Chart latency(List<LatencyPoint> points, String title, boolean hoursAxis) {
        double[] medians = points.stream().mapToDouble(LatencyPoint::medianMs).filter(d -> !Double.isNaN(d)).toArray();
        double[] p95s = points.stream().mapToDouble(LatencyPoint::p95Ms).filter(d -> !Double.isNaN(d)).toArray();
        if (medians.length == 0) {
            return new Views.Chart(title, "", words.texts().get("service.latency.nodata"));
        }
        double max = Math.max(Arrays.stream(p95s).max().orElse(0), Arrays.stream(medians).max().orElse(0));
        double top = niceCeiling(max);
        String summary = words.texts().format("service.latency.summary", title.toLowerCase(locale),
                millis(Quantiles.median(medians)), millis(max));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(summary)).append("\">");
        int plotBottom = HEIGHT - BOTTOM;
        for (int i = 0; i <= 2; i++) {
            double value = top * i / 2;
            double y = yOf(value, top);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(millis(value))).append("</text>");
        }
        DateTimeFormatter axis = hoursAxis ? DateTimeFormatter.ofPattern("HH:mm")
                : DateTimeFormatter.ofPattern("d MMM", locale);
        svg.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 4).append("\">")
                .append(Html.escape(axis.format(points.get(0).start().atZone(times.zone())))).append("</text>");
        svg.append("<text class=\"axis\" x=\"").append(WIDTH).append("\" y=\"").append(HEIGHT - 4)
                .append("\" text-anchor=\"end\">")
                .append(Html.escape(axis.format(points.get(points.size() - 1).start().atZone(times.zone()))))
                .append("</text>");
        svg.append(path(points, true, top, "l-p95"));
        svg.append(path(points, false, top, "l-med"));
        svg.append("<line class=\"base\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH).append("\" y1=\"")
                .append(plotBottom).append("\" y2=\"").append(plotBottom).append("\"/>");
        return new Views.Chart(title, svg.append("</svg>").toString(), summary);
    }

    private String path(List<LatencyPoint> points, boolean p95, double top, String cssClass) {
        StringBuilder d = new StringBuilder();
        boolean penDown = false;
        double span = Math.max(1, points.size() - 1);
        for (int i = 0; i < points.size(); i++) {
            double value = p95 ? points.get(i).p95Ms() : points.get(i).medianMs();
            if (Double.isNaN(value)) {
                penDown = false;
                continue;
            }
            double x = LEFT + (WIDTH - LEFT) * i / span;
            d.append(penDown ? 'L' : 'M').append(fmt(x)).append(' ').append(fmt(yOf(value, top)));
            penDown = true;
        }
        return "<path class=\"" + cssClass + "\" d=\"" + d + "\"/>";
    }

    private static double yOf(double value, double top) {
        return TOP + (HEIGHT - BOTTOM - TOP) * (1 - value / top);
    }

    /** One decimal, locale-independent, so output is byte-identical everywhere. */
    static String fmt(double v) {
        return Decimals.oneDecimal(v);
    }

    /** 1, 2 or 5 times a power of ten, at least the value. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
