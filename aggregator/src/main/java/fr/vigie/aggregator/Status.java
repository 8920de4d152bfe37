package fr.vigie.aggregator;

import java.util.Locale;

/** A service's status, in Atlassian Statuspage's vocabulary; ordered from best to worst. */
public enum Status {
    OPERATIONAL, UNDER_MAINTENANCE, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** The worse of two statuses (maintenance ranks just above operational). */
    public Status worst(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public boolean isOutage() {
        return this == PARTIAL_OUTAGE || this == MAJOR_OUTAGE;
    }
}
