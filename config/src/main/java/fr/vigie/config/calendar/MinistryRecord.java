package fr.vigie.config.calendar;

import java.time.LocalDate;

/**
 * One line of the ministry's open data "fr-en-calendrier-scolaire" (data.education.gouv.fr), dates already
 * turned into official (Paris) calendar dates.
 *
 * @param description e.g. "Vacances de la Toussaint", "Vacances d'Été", "Pont de l'Ascension"
 * @param population  "-", "Élèves" or "Enseignants"
 * @param start       the departure day: holidays begin after that day's classes
 * @param end         the day classes resume (the morning), or null when not yet published
 * @param location    the académie ("Lyon")
 * @param zone        as published: "Zone A", "Zone B", "Zone C", "Corse", "Guadeloupe"...
 * @param schoolYear  "2026-2027"
 * @param line        where it was read (1-based record number in the file), for messages
 */
public record MinistryRecord(String description, String population, LocalDate start, LocalDate end,
                             String location, String zone, String schoolYear, int line) {

    /** A, B or C for the metropolitan zones; null otherwise (Corse and overseas keep their own calendars). */
    public String metropolitanZone() {
        return switch (zone == null ? "" : zone.trim()) {
            case "Zone A" -> "A";
            case "Zone B" -> "B";
            case "Zone C" -> "C";
            default -> null;
        };
    }

    /** Lines for teachers only (their summer starts a day later): not about pupils' school days. */
    public boolean teachersOnly() {
        return population != null && population.toLowerCase(java.util.Locale.ROOT).contains("enseignant");
    }
}
