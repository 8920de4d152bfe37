package fr.vigie.config;

/** The probing site this Vigie instance runs from ("paris-1", "Datacentre Paris"). */
public record Vantage(String id, String label) {
}
