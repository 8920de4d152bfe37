package fr.vigie.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.vigie.simulator.faults.FaultRequest;
import fr.vigie.simulator.faults.FaultType;

import java.time.Duration;
import java.util.List;

/**
 * One fault of a scenario, times in seconds from the scenario's start.
 *
 * @param at           offset of the fault's start
 * @param duration     how long it lasts (required: a scenario's faults all end)
 * @param type         flash_crowd, attack, storage, hosting_outage, application, maintenance, or {@code rush}: an
 *                     ordinary rush (load only, not a fault: no ground truth), peak {@code intensity} x capacity
 * @param targets      target ids (or empty with hostingGroup)
 * @param hostingGroup every service of this hosting group
 * @param intensity    see {@link FaultRequest#intensity()}; null for the default
 * @param variant      see {@link FaultRequest#variant()}; null for the default
 * @param pulseOn      attack pulses, seconds on (null = steady)
 * @param pulseOff     attack pulses, seconds off
 */
public record ScenarioEvent(@JsonProperty(required = true) double at, @JsonProperty(required = true) double duration,
                            @JsonProperty(required = true) String type, List<String> targets, String hostingGroup,
                            Double intensity, String variant, Double pulseOn, Double pulseOff) {

    public ScenarioEvent {
        targets = targets == null ? List.of() : List.copyOf(targets);
        if (at < 0 || duration <= 0) {
            throw new IllegalArgumentException("event " + type + ": at must be >= 0 and duration > 0");
        }
    }

    /** The type of an ordinary rush: load without fault, absent from the ground truth. */
    public static final String RUSH = "rush";

    /** True for an ordinary rush (load only). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRush() {
        return RUSH.equals(type);
    }

    /** The fault request this event injects (it clears itself after its duration); not for a rush. */
    public FaultRequest toRequest() {
        if (isRush()) {
            throw new IllegalStateException("a rush is load, not a fault");
        }
        return new FaultRequest(FaultType.fromWire(type), targets, hostingGroup, intensity == null ? 0 : intensity,
                seconds(duration), variant, pulseOn == null ? null : seconds(pulseOn),
                pulseOff == null ? null : seconds(pulseOff));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public Duration start() {
        return seconds(at);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public Duration end() {
        return seconds(at + duration);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
