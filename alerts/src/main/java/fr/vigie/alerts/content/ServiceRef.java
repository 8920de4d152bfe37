package fr.vigie.alerts.content;

/** A watched service as named to humans: its target id and display name. */
public record ServiceRef(String id, String name) {
}
