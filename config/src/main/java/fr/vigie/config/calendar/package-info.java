/**
 * French school days: school holidays by zone A/B/C from a data file shipped with Vigie
 * ({@code fr/vigie/config/calendar/france-holidays.yaml}) and computed public holidays. Schedules,
 * baselines and the classifier use it to tell a quiet holiday morning from an outage.
 */
package fr.vigie.config.calendar;
