package fr.vigie.simulator.faults;

import java.util.Locale;

/** The injectable faults, each with the cause a perfect classifier would name (the ground truth's vocabulary). */
public enum FaultType {
    FLASH_CROWD("saturation"),
    ATTACK("attack"),
    STORAGE("storage"),
    HOSTING_OUTAGE("network"),
    APPLICATION("application"),
    MAINTENANCE("maintenance");

    private final String cause;

    FaultType(String cause) {
        this.cause = cause;
    }

    /** saturation, attack, storage, network, application or maintenance */
    public String cause() {
        return cause;
    }

    /** flash_crowd, attack, storage, hosting_outage, application, maintenance */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FaultType fromWire(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown fault type '" + s + "', expected one of flash_crowd, attack, "
                                               + "storage, hosting_outage, application, maintenance");
        }
    }
}
