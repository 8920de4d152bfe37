package fr.vigie.statuspage.model;

import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers with one decimal, rounded half up, exactly as {@code String.format("%.1f")} writes them, without its
 * cost: a site holds tens of thousands of them (chart coordinates, percentages, open-data cells), and
 * {@code String.format} was a third of a whole site's regeneration in a profile.
 */
public final class Decimals {
    private Decimals() {
    }

    /** "12.3", locale-independent. */
    public static String oneDecimal(double v) {
        return oneDecimal(v, '.');
    }

    /** "12,3" in French, "12.3" in English: the locale's decimal separator. */
    public static String oneDecimal(double v, Locale locale) {
        return oneDecimal(v, DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
    }

    private static String oneDecimal(double v, char separator) {
        long tenths = Math.round(Math.abs(v) * 10);
        return (v < 0 ? "-" : "") + (tenths / 10) + separator + (tenths % 10);
    }
}
