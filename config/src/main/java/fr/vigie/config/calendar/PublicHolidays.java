package fr.vigie.config.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/** French public holidays (jours fériés, metropolitan France): fixed dates plus the Easter-based ones. */
public final class PublicHolidays {
    private PublicHolidays() {
    }

    public static boolean isPublicHoliday(LocalDate date) {
        return name(date).isPresent();
    }

    /** The holiday's French name, or empty on an ordinary day. */
    public static Optional<String> name(LocalDate date) {
        String fixed = fixed(date.getMonth(), date.getDayOfMonth());
        if (fixed != null) {
            return Optional.of(fixed);
        }
        LocalDate easter = easterSunday(date.getYear());
        if (date.equals(easter.plusDays(1))) {
            return Optional.of("Lundi de Pâques");
        }
        if (date.equals(easter.plusDays(39))) {
            return Optional.of("Ascension");
        }
        if (date.equals(easter.plusDays(50))) {
            return Optional.of("Lundi de Pentecôte");
        }
        return Optional.empty();
    }

    private static String fixed(Month month, int day) {
        return switch (month) {
            case JANUARY -> day == 1 ? "Jour de l'an" : null;
            case MAY -> day == 1 ? "Fête du Travail" : day == 8 ? "Victoire 1945" : null;
            case JULY -> day == 14 ? "Fête nationale" : null;
            case AUGUST -> day == 15 ? "Assomption" : null;
            case NOVEMBER -> day == 1 ? "Toussaint" : day == 11 ? "Armistice 1918" : null;
            case DECEMBER -> day == 25 ? "Noël" : null;
            default -> null;
        };
    }

    /** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
