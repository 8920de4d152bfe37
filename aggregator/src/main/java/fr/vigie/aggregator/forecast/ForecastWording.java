package fr.vigie.aggregator.forecast;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The forecast in cautious French: what is forecast, what was measured, and how uncertain it is. */
public final class ForecastWording {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);

    private ForecastWording() {
    }

    /** "risque élevé de saturation lundi 8:00". */
    public static String headline(HeadroomForecast f) {
        if (f.risk() == Risk.UNKNOWN) {
            return "risque de saturation " + DAY.format(f.morning()) + " " + hour(f) + " : historique insuffisant";
        }
        return "risque " + f.risk().french() + " de saturation " + DAY.format(f.morning()) + " " + hour(f);
    }

    /** "à 7:55 le jeudi 3 décembre, la connexion prenait déjà 3,1 s contre 0,6 s en période calme". */
    static String evidence(MorningSample worst) {
        String when = "le " + DATE.format(worst.day());
        if (worst.worstMs() < 1.5 * worst.calmMs() && worst.errorShare() == 0) {
            return "aucun ralentissement notable de la connexion à l'heure de pointe ces derniers jours ("
                    + seconds(worst.worstMs()) + " au plus " + when + ", " + seconds(worst.calmMs())
                    + " en période calme)";
        }
        String text = "à " + worst.worstAt().getHour() + ":" + String.format(Locale.ROOT, "%02d", worst.worstAt().getMinute())
                + " " + when + ", la connexion prenait déjà " + seconds(worst.worstMs()) + " contre "
                + seconds(worst.calmMs()) + " en période calme";
        if (worst.errorShare() > 0) {
            text += ", et " + Math.round(worst.errorShare() * 100) + " % des tentatives de connexion échouaient"
                    + " entre 7:45 et 8:30";
        }
        return text;
    }

    /** The plain statement that it is a forecast, with its uncertainty. */
    public static String uncertainty(HeadroomForecast f) {
        if (f.prediction() == null) {
            return "Prévision impossible : trop peu de matinées d'école mesurées pour ce service.";
        }
        HeadroomModel.Prediction p = f.prediction();
        StringBuilder b = new StringBuilder("Ceci est une prévision statistique, pas une mesure : elle prolonge la")
                .append(" tendance des ").append(p.mornings()).append(" dernières matinées d'école mesurées");
        if (f.loadFactor() > 1.0) {
            b.append(" et suppose une charge ").append(decimal(f.loadFactor())).append(" fois celle d'un matin ordinaire (")
                    .append(String.join(", ", f.reasons())).append(')');
        }
        b.append(". Probabilité estimée d'atteindre la saturation : ").append(Math.round(p.probability() * 100))
                .append(" % ; tension attendue ").append(decimal(p.expectedStress())).append(" (intervalle à 90 % : ")
                .append(decimal(Math.max(0, p.low()))).append(" à ").append(decimal(p.high()))
                .append(", 1 = au-delà de la capacité). Une plateforme renforcée ou une affluence différente de")
                .append(" l'attendu la démentent.");
        return b.toString();
    }

    static String hour(HeadroomForecast f) {
        return f.at().getHour() + ":" + String.format(Locale.ROOT, "%02d", f.at().getMinute());
    }

    static String seconds(double ms) {
        return decimal(ms / 1000.0) + " s";
    }

    static String decimal(double v) {
        return String.format(Locale.FRANCE, "%.1f", v);
    }

    /** The morning named for a day: "lundi 7 décembre". */
    public static String day(LocalDate d) {
        return DATE.format(d);
    }
}
