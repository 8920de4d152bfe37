package fr.vigie.simulator.faults;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fault to inject.
 *
 * @param type         the fault
 * @param targets      target ids; when empty, every service of {@code hostingGroup}
 * @param hostingGroup hosting group, used when targets is empty
 * @param intensity    flash_crowd: peak load as a multiple of capacity (default 2); attack "slow": share of workers
 *                     held; storage: share of uncached reads that hang is intensity/2; others ignore it
 * @param duration     how long until it clears itself, or null for until cleared
 * @param variant      attack: mixed (default: pulses cycle flood, challenge, reset, slow), flood, reset, challenge,
 *                     slow; storage: disk_full (default), io_error; hosting_outage: refused (default), timeout,
 *                     dns (the servers stay up, their names answer NXDOMAIN: needs services addressed by a
 *                     name under .test, see {@link fr.vigie.simulator.ServiceSpec}); application: broken_form
 *                     (default), error_500
 * @param pulseOn      attack pulses: time on (null or zero = steady)
 * @param pulseOff     attack pulses: time off
 */
public record FaultRequest(FaultType type, List<String> targets, String hostingGroup, double intensity,
                           Duration duration, String variant, Duration pulseOn, Duration pulseOff) {

    public FaultRequest {
        Objects.requireNonNull(type, "type");
        targets = targets == null ? List.of() : List.copyOf(targets);
        if (targets.isEmpty() && (hostingGroup == null || hostingGroup.isBlank())) {
            throw new IllegalArgumentException("a fault needs targets or a hostingGroup");
        }
        if (intensity <= 0) {
            intensity = type == FaultType.FLASH_CROWD ? 2.0 : 1.0;
        }
        variant = variant == null || variant.isBlank() ? defaultVariant(type) : variant;
        if (!allowedVariants(type).contains(variant)) {
            throw new IllegalArgumentException("variant '" + variant + "' is not one of " + allowedVariants(type)
                                               + " for " + type.wire());
        }
    }

    /** A steady fault on the given targets with default intensity and variant. */
    public static FaultRequest on(FaultType type, Duration duration, String... targets) {
        return new FaultRequest(type, List.of(targets), null, 0, duration, null, null, null);
    }

    /** A steady fault on every service of a hosting group. */
    public static FaultRequest onGroup(FaultType type, String hostingGroup, double intensity, Duration duration) {
        return new FaultRequest(type, List.of(), hostingGroup, intensity, duration, null, null, null);
    }

    public FaultRequest withVariant(String v) {
        return new FaultRequest(type, targets, hostingGroup, intensity, duration, v, pulseOn, pulseOff);
    }

    public FaultRequest withIntensity(double i) {
        return new FaultRequest(type, targets, hostingGroup, i, duration, variant, pulseOn, pulseOff);
    }

    public FaultRequest withPulses(Duration on, Duration off) {
        return new FaultRequest(type, targets, hostingGroup, intensity, duration, variant, on, off);
    }

    /** True for a fault that removes its targets' names from DNS (hosting_outage, variant dns). */
    public boolean removesNames() {
        return type == FaultType.HOSTING_OUTAGE && "dns".equals(variant);
    }

    public boolean pulsed() {
        return pulseOn != null && pulseOff != null && !pulseOn.isZero() && !pulseOff.isZero();
    }

    static String defaultVariant(FaultType type) {
        return switch (type) {
            case ATTACK -> "mixed";
            case STORAGE -> "disk_full";
            case HOSTING_OUTAGE -> "refused";
            case APPLICATION -> "broken_form";
            case FLASH_CROWD, MAINTENANCE -> "default";
        };
    }

    static List<String> allowedVariants(FaultType type) {
        return switch (type) {
            case ATTACK -> List.of("mixed", "flood", "reset", "challenge", "slow");
            case STORAGE -> List.of("disk_full", "io_error");
            case HOSTING_OUTAGE -> List.of("refused", "timeout", "dns");
            case APPLICATION -> List.of("broken_form", "error_500");
            case FLASH_CROWD, MAINTENANCE -> List.of("default");
        };
    }

    /**
     * Reads the admin API's JSON: {type, targets | hostingGroup, intensity, duration (seconds), variant,
     * pulseOn, pulseOff (seconds)}.
     */
    public static FaultRequest fromJson(JsonObject json) {
        List<String> targets = new ArrayList<>();
        JsonArray array = json.getJsonArray("targets");
        if (array != null) {
            array.forEach(t -> targets.add(String.valueOf(t)));
        }
        String single = json.getString("target");
        if (single != null) {
            targets.add(single);
        }
        return new FaultRequest(FaultType.fromWire(json.getString("type")), targets, json.getString("hostingGroup"),
                json.getDouble("intensity", 0.0), seconds(json, "duration"), json.getString("variant"),
                seconds(json, "pulseOn"), seconds(json, "pulseOff"));
    }

    private static Duration seconds(JsonObject json, String key) {
        Object v = json.getValue(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        }
        return Duration.parse(v.toString());
    }
}
