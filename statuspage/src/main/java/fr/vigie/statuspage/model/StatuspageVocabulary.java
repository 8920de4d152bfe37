package fr.vigie.statuspage.model;

import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;

import java.util.List;

/** Maps Vigie's state onto Atlassian Statuspage's words (incident status, impact, page indicator). */
public final class StatuspageVocabulary {
    private StatuspageVocabulary() {
    }

    /**
     * {@code investigating|identified|monitoring|resolved}: resolved once closed; monitoring while the
     * services already look operational again; identified once a probable cause is known.
     */
    public static String incidentStatus(Incident incident) {
        if (!incident.open()) {
            return "resolved";
        }
        if (incident.status() == Status.OPERATIONAL) {
            return "monitoring";
        }
        if (incident.cause() == null) {
            return "investigating";
        }
        return switch (incident.cause()) {
            case NONE, UNKNOWN -> "investigating";
            default -> "identified";
        };
    }

    /** The incident's status right after its update number {@code index} (0 = opening). */
    public static String incidentStatusAfter(Incident incident, int index) {
        List<IncidentEvent> prefix = incident.updates().subList(0, index + 1);
        return incidentStatus(Incident.fold(incident.scope(), prefix));
    }

    /** {@code none|minor|major|critical} from the worst status the incident ever had. */
    public static String impact(Incident incident) {
        Status worst = incident.status() == null ? Status.OPERATIONAL : incident.status();
        for (IncidentEvent event : incident.updates()) {
            if (event.status() != null) {
                worst = worst.worst(event.status());
            }
        }
        return indicator(worst);
    }

    /** Page indicator {@code none|minor|major|critical} for the worst current status (null: nothing measured). */
    public static String indicator(Status worst) {
        if (worst == null) {
            return "none";
        }
        return switch (worst) {
            case OPERATIONAL, UNDER_MAINTENANCE -> "none";
            case DEGRADED_PERFORMANCE -> "minor";
            case PARTIAL_OUTAGE -> "major";
            case MAJOR_OUTAGE -> "critical";
        };
    }

    /** Statuspage's own English description of an indicator. */
    public static String indicatorDescription(String indicator, boolean maintenance) {
        return switch (indicator) {
            case "minor" -> "Minor Service Outage";
            case "major" -> "Partial System Outage";
            case "critical" -> "Major Service Outage";
            default -> maintenance ? "Service Under Maintenance" : "All Systems Operational";
        };
    }
}
