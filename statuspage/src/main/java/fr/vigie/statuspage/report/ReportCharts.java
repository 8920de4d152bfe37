package fr.vigie.statuspage.report;

import fr.vigie.statuspage.html.Html;
import fr.vigie.statuspage.model.LocalTimes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The report's two inline SVG charts per service, drawn at generation time (no script, so they also render in
 * the PDF): median time per step and share of failed attempts per step, with the incident shaded. Colours are
 * presentation attributes, not stylesheet classes, since the PDF renders the SVG on its own.
 */
final class ReportCharts {
    private static final int WIDTH = 640;
    private static final int PLOT_HEIGHT = 150;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 10;
    private static final int AXIS = 22;
    private static final int LEGEND_ROW = 18;
    private static final String[] COLOURS = {"#1f5fa8", "#c0392b", "#2e7d32", "#8e44ad", "#b8860b", "#00838f"};
    private static final String[] DASHES = {"", "6 3", "2 2", "8 3 2 3", "4 4", "1 3"};

    private final LocalTimes times;
    private final Locale locale;

    ReportCharts(LocalTimes times, Locale locale) {
        this.times = times;
        this.locale = locale;
    }

    String latency(StepSeries series, String label, String faultLabel) {
        double max = 0;
        for (StepSeries.Step s : series.steps()) {
            for (double v : s.medianMs()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double top = niceCeiling(max);
        return chart(series, label, faultLabel, StepSeries.Step::medianMs, top,
                List.of(seconds(0), seconds(top / 2), seconds(top)));
    }

    String errors(StepSeries series, String label, String faultLabel) {
        return chart(series, label, faultLabel, StepSeries.Step::errorShare, 1, List.of("0 %", "50 %", "100 %"));
    }

    private String chart(StepSeries series, String label, String faultLabel,
                         Function<StepSeries.Step, double[]> values, double top, List<String> ticks) {
        List<StepSeries.Step> steps = series.steps();
        int legendTop = TOP + PLOT_HEIGHT + AXIS;
        int height = legendTop + LEGEND_ROW * Math.max(1, (steps.size() + 2) / 3) + 4;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
        svg.append("<title>").append(Html.escape(label)).append("</title>");
        ReportWindow w = series.window();
        double x0 = x(w, w.faultFrom());
        double x1 = x(w, w.faultTo());
        svg.append("<rect class=\"fault-window\" x=\"").append(f(x0)).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(f(Math.max(1, x1 - x0))).append("\" height=\"").append(PLOT_HEIGHT)
                .append("\" fill=\"#f2b134\" fill-opacity=\"0.25\"><title>").append(Html.escape(faultLabel))
                .append("</title></rect>");
        for (int k = 0; k < ticks.size(); k++) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * k / (double) (ticks.size() - 1);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(f(y)).append("\" y2=\"").append(f(y)).append("\" stroke=\"#999999\" stroke-width=\"0.5\"/>")
                    .append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(f(y + 4))
                    .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#555555\">").append(ticks.get(k))
                    .append("</text>");
        }
        List<Instant> marks = List.of(w.from(), w.faultFrom(), w.faultTo(), w.to());
        for (int k = 0; k < marks.size(); k++) {
            String anchor = k == 0 ? "start" : k == marks.size() - 1 ? "end" : "middle";
            svg.append("<text x=\"").append(f(x(w, marks.get(k)))).append("\" y=\"").append(TOP + PLOT_HEIGHT + 15)
                    .append("\" font-size=\"11\" text-anchor=\"").append(anchor).append("\" fill=\"#555555\">")
                    .append(times.clock(marks.get(k))).append("</text>");
        }
        for (int s = 0; s < steps.size(); s++) {
            svg.append("<path fill=\"none\" stroke=\"").append(COLOURS[s % COLOURS.length])
                    .append("\" stroke-width=\"2\"");
            if (!DASHES[s % DASHES.length].isEmpty()) {
                svg.append(" stroke-dasharray=\"").append(DASHES[s % DASHES.length]).append('"');
            }
            svg.append(" d=\"").append(path(series, values.apply(steps.get(s)), top)).append("\"/>");
            int col = s % 3;
            int row = s / 3;
            double lx = LEFT + col * 190;
            double ly = legendTop + row * LEGEND_ROW + 8;
            svg.append("<line x1=\"").append(f(lx)).append("\" x2=\"").append(f(lx + 22)).append("\" y1=\"")
                    .append(f(ly)).append("\" y2=\"").append(f(ly)).append("\" stroke=\"")
                    .append(COLOURS[s % COLOURS.length]).append("\" stroke-width=\"2\"");
            if (!DASHES[s % DASHES.length].isEmpty()) {
                svg.append(" stroke-dasharray=\"").append(DASHES[s % DASHES.length]).append('"');
            }
            svg.append("/><text x=\"").append(f(lx + 27)).append("\" y=\"").append(f(ly + 4))
                    .append("\" font-size=\"11\" fill=\"#333333\">").append(Html.escape(steps.get(s).name()))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** Segments between measured buckets; a bucket with nothing measured breaks the line. */
    private String path(StepSeries series, double[] v, double top) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                pen = false;
                continue;
            }
            double x = LEFT + (i + 0.5) * (WIDTH - LEFT - RIGHT) / v.length;
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * Math.min(1, v[i] / (top <= 0 ? 1 : top));
            d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(f(x)).append(' ').append(f(y));
            pen = true;
        }
        return d.length() == 0 ? "M0 0" : d.toString();
    }

    private static double x(ReportWindow w, Instant t) {
        double span = Math.max(1, w.to().toEpochMilli() - w.from().toEpochMilli());
        return LEFT + (WIDTH - LEFT - RIGHT) * (t.toEpochMilli() - w.from().toEpochMilli()) / span;
    }

    /** 1, 2 or 5 times a power of ten, at least 100 ms. */
    static double niceCeiling(double ms) {
        double v = Math.max(ms, 100);
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * power >= v) {
                return m * power;
            }
        }
        return 10 * power;
    }

    String seconds(double ms) {
        return String.format(locale, ms < 1000 && ms > 0 ? "%.2f s" : "%.1f s", ms / 1000);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
