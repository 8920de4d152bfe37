package fr.vigie.aggregator;

import java.time.LocalDate;

/**
 * One day of a service's history (local date in the site's time zone).
 *
 * @param uptime fraction of probe rounds that were operational, or NaN when there was no data
 * @param worst  worst status of the day
 */
public record DayStatus(LocalDate date, double uptime, Status worst) {
}
