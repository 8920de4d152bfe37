/**
 * French school days: school holidays by zone A/B/C from a data file shipped with Vigie
 * ({@code fr/vigie/config/calendar/france-holidays.yaml}), extended by the ministry's open-data export
 * ("fr-en-calendrier-scolaire", {@link fr.vigie.config.calendar.MinistryCalendarReader}) that the operator drops in,
 * and computed public holidays. Schedules, baselines, the classifier and the headroom forecast use it to tell a
 * quiet holiday morning from an outage; {@link fr.vigie.config.calendar.CalendarCoverage} says how far it reaches.
 */
package fr.vigie.config.calendar;
