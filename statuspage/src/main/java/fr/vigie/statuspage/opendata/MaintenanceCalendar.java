package fr.vigie.statuspage.opendata;

import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.Target;
import fr.vigie.statuspage.model.PublicState;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The declared maintenance windows as an iCalendar file ({@code donnees/maintenances.ics}, RFC 5545), so a
 * journalist or a school can put them in a calendar. One VEVENT per window, whose UID stays the same across
 * generations (the window's id at the site's host): a calendar that re-reads the file updates, never duplicates.
 */
public final class MaintenanceCalendar {
    public static final String FILE = OpenData.PATH + "maintenances.ics";

    private MaintenanceCalendar() {
    }

    public static byte[] of(PublicState state) {
        String site = state.config().site().title();
        ICalendarWriter ics = new ICalendarWriter().begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .text("PRODID", "-//Vigie//Maintenances annoncées//FR")
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", site + " – maintenances annoncées");
        List<MaintenanceWindow> windows = state.config().maintenance().stream()
                .sorted(Comparator.comparing(MaintenanceWindow::start).thenComparing(MaintenanceWindow::id)).toList();
        for (MaintenanceWindow w : windows) {
            ics.begin("VEVENT")
                    .text("UID", w.id() + "@" + host(state))
                    .utc("DTSTAMP", state.at())
                    .utc("DTSTART", w.start())
                    .utc("DTEND", w.end())
                    .text("SUMMARY", "Maintenance annoncée : " + services(state, w))
                    .text("DESCRIPTION", description(state, w))
                    .raw("TRANSP", "TRANSPARENT")
                    .raw("STATUS", "CONFIRMED");
            String url = state.config().site().baseUrl();
            if (url != null && !url.isBlank()) {
                ics.raw("URL", url + "/");
            }
            ics.end("VEVENT");
        }
        return ics.end("VCALENDAR").bytes();
    }

    private static String services(PublicState state, MaintenanceWindow w) {
        List<Target> concerned = state.servicesOf(w);
        return concerned.isEmpty() ? "aucun service suivi" : concerned.stream().map(Target::name)
                .collect(Collectors.joining(", "));
    }

    private static String description(PublicState state, MaintenanceWindow w) {
        StringBuilder b = new StringBuilder();
        if (w.description() != null && !w.description().isBlank()) {
            b.append(w.description().strip()).append('\n');
        }
        b.append("Services concernés : ").append(services(state, w)).append(".\n")
                .append("Maintenance déclarée à ").append(state.config().site().title())
                .append(" : pendant cette plage, le service est affiché « en maintenance » et une "
                        + "indisponibilité n'est pas comptée comme une panne.");
        return b.toString();
    }

    /** The site's host name, so UIDs are globally unique (RFC 5545 §3.8.4.7); "vigie" without a public URL. */
    private static String host(PublicState state) {
        String url = state.config().site().baseUrl();
        try {
            String host = url == null ? null : URI.create(url).getHost();
            return host == null ? "vigie" : host;
        } catch (IllegalArgumentException e) {
            return "vigie";
        }
    }
}
