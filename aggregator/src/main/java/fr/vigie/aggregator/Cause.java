package fr.vigie.aggregator;

import java.util.Locale;

/** The probable cause of a service's state. */
public enum Cause {
    NONE, SATURATION, ATTACK, STORAGE, NETWORK, APPLICATION, MAINTENANCE,
    /** the problem is on the probing side: never published as an outage of the services */
    VANTAGE,
    UNKNOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Cause fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
