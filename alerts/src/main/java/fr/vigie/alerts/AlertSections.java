package fr.vigie.alerts;

import fr.vigie.config.AlertsConfig;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.Site;
import fr.vigie.config.Target;

import java.time.ZoneId;
import java.util.List;

/**
 * The sections of the configuration the alerts are made from, and nothing else: the {@code alerts} section
 * (receivers, routes, timings), the watched services (routing labels, inhibition by hosting group) and their
 * maintenance windows, and the site (its base URL for links, its time zone for the French text). The application
 * cuts them from the whole configuration.
 *
 * @param alerts the {@code alerts} section, null for none
 * @param site   the {@code site} section, or null (no links, times in Europe/Paris)
 */
public record AlertSections(AlertsConfig alerts, Site site, List<Target> targets, List<MaintenanceWindow> maintenance) {
    public AlertSections {
        targets = targets == null ? List.of() : List.copyOf(targets);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
    }

    /** The alerts section, or none. */
    AlertsConfig alertsOrNone() {
        return alerts == null ? AlertsConfig.none() : alerts;
    }

    /** The site's time zone, Europe/Paris by default. */
    ZoneId zone() {
        return site == null || site.timeZone() == null ? ZoneId.of("Europe/Paris") : site.timeZone();
    }
}
