package fr.vigie.alerts.content;

/** Why a notification is sent; each kind has a wire name used as the webhook {@code type}. */
public enum AlertKind {
    OPENED("incident.opened"),
    /** status or probable cause changed */
    UPDATED("incident.updated"),
    /** still open after the repeat interval */
    REMINDER("incident.reminder"),
    RESOLVED("incident.resolved"),
    /** about Vigie itself (probing impaired, a receiver failing or disabled), never about a service */
    INTERNAL("vigie.internal"),
    /**
     * the headroom forecast, the day before: a coming school morning risks saturating a service (no incident yet;
     * a forecast with its uncertainty, never a measurement)
     */
    FORECAST("forecast.saturation_risk");

    private final String type;

    AlertKind(String type) {
        this.type = type;
    }

    /** The Standard Webhooks event type. */
    public String type() {
        return type;
    }
}
