package fr.vigie.aggregator.incident;

import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;

/** One appended event and the incident's state right after it. */
public record IncidentChange(IncidentEvent event, Incident state) {
}
