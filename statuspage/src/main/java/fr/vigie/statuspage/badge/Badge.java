package fr.vigie.statuspage.badge;

import fr.vigie.statuspage.html.Html;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A flat shields.io-style badge: the service name on grey, its status on a colour. The status is
 * written out (never colour alone) and the badge carries a title for screen readers.
 */
public final class Badge {
    private static final Map<String, String> COLOURS = Map.of(
            "operational", "#1b6e31",
            "under_maintenance", "#1f5fa8",
            "degraded_performance", "#7d5300",
            "partial_outage", "#a8430c",
            "major_outage", "#b0241b",
            "unknown", "#5a5f66");

    private Badge() {
    }

    /** @param statusKey a Statuspage component status, or {@code unknown} */
    public static byte[] svg(String label, String statusKey, String statusText) {
        int left = width(label);
        int right = width(statusText);
        int total = left + right;
        String colour = COLOURS.getOrDefault(statusKey, COLOURS.get("unknown"));
        String title = Html.escape(label + " : " + statusText);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"20\" role=\"img\""
                + " aria-label=\"" + title + "\"><title>" + title + "</title>"
                + "<rect width=\"" + left + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + colour + "\"/>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,DejaVu Sans,sans-serif\""
                + " font-size=\"11\">"
                + "<text x=\"" + (left / 2) + "\" y=\"14\">" + Html.escape(label) + "</text>"
                + "<text x=\"" + (left + right / 2) + "\" y=\"14\">" + Html.escape(statusText) + "</text>"
                + "</g></svg>\n";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /** Approximate Verdana 11px advance (about 7 px per character, narrower for i, l, spaces) plus padding. */
    static int width(String text) {
        double width = 0;
        for (char c : text.toCharArray()) {
            width += "il.,:;'|!".indexOf(c) >= 0 ? 3.5 : c == ' ' ? 4 : Character.isUpperCase(c) ? 8
                    : Character.isDigit(c) ? 7 : 6.6;
        }
        return (int) Math.ceil(width) + 12;
    }

}
