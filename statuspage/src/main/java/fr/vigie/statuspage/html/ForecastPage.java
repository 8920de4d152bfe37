package fr.vigie.statuspage.html;

import fr.vigie.aggregator.forecast.ForecastWording;
import fr.vigie.aggregator.forecast.HeadroomForecast;
import fr.vigie.aggregator.forecast.Risk;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.statuspage.SiteSections;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The "Prévision de charge" page ({@code prevision/}): for the next school morning, each service's risk of
 * saturating at the rush, the measured fact behind it, and the plain statement that it is a forecast with its
 * uncertainty. Highest risks first. Control targets are not services and get no forecast.
 */
public final class ForecastPage {
    /** Folder of the page under each language root. */
    public static final String PATH = "prevision/";

    /** One service's forecast as the template shows it. */
    public record Card(String id, String service, String risk, String headline, String evidence, String uncertainty) {
    }

    /** The page: its cards and the line the home page links with (null when there is nothing to say). */
    public record View(String morning, List<Card> cards, String note) {
    }

    private final View view;

    public ForecastPage(SiteSections config, List<HeadroomForecast> forecasts) {
        Map<String, Target> targets = config.targets().stream().collect(Collectors.toMap(Target::id,
                Function.identity(), (a, b) -> a));
        List<Card> cards = forecasts.stream()
                .filter(f -> targets.containsKey(f.target()) && targets.get(f.target()).kind() != TargetKind.CONTROL)
                .sorted(Comparator.comparingInt((HeadroomForecast f) -> order(f.risk()))
                        .thenComparing(f -> targets.get(f.target()).name()))
                .map(f -> new Card(f.target(), targets.get(f.target()).name(), f.risk().name().toLowerCase(java.util.Locale.ROOT),
                        capitalise(ForecastWording.headline(f)), f.evidence() == null ? null : capitalise(f.evidence()),
                        ForecastWording.uncertainty(f)))
                .toList();
        long high = cards.stream().filter(c -> c.risk().equals("high")).count();
        boolean known = cards.stream().anyMatch(c -> !c.risk().equals("unknown"));
        String morning = forecasts.isEmpty() ? null : ForecastWording.day(forecasts.get(0).morning());
        String note = cards.isEmpty() || !known ? null : "Prévision pour " + morning + " 8:00 : " + (high == 0
                ? "aucun risque élevé de saturation annoncé" : high + " service(s) à risque élevé de saturation")
                + " (une prévision, pas une mesure)";
        this.view = new View(morning, cards, note);
    }

    public View view() {
        return view;
    }

    private static int order(Risk r) {
        return switch (r) {
            case HIGH -> 0;
            case MODERATE -> 1;
            case LOW -> 2;
            case UNKNOWN -> 3;
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
