package fr.vigie.simulator.faults;

import fr.vigie.simulator.web.HttpEffects;
import fr.vigie.simulator.web.ListenerMode;

import java.util.List;

/**
 * The one rule, shared by the live fleet and the fast mode, that turns the faults holding on a target (in their on
 * phase) into what its name, its port and its HTTP answers do.
 */
public final class FaultEffects {
    /** SCSI command time-out: how long a fail-slow read hangs. */
    public static final long HANG_MILLIS = 30_000;

    /** One fault holding on a target now, with the variant it shows now (a mixed attack's current pulse). */
    public record Holding(FaultType type, String variant, double intensity) {
    }

    /**
     * The combined effect on one target.
     *
     * @param mode     what its port does
     * @param http     what its HTTP answers do while it listens
     * @param nameGone its name no longer resolves (NXDOMAIN): clients fail before connecting, whatever the port
     *                 does. The servers themselves are untouched.
     */
    public record Combined(ListenerMode mode, HttpEffects http, boolean nameGone) {
    }

    private FaultEffects() {
    }

    public static Combined combine(List<Holding> holding) {
        ListenerMode mode = ListenerMode.LISTENING;
        boolean maintenance = false;
        boolean challenge = false;
        HttpEffects.ApplicationFailure application = HttpEffects.ApplicationFailure.NONE;
        HttpEffects.StorageFailure storage = HttpEffects.StorageFailure.NONE;
        double hang = 0;
        boolean nameGone = false;
        for (Holding f : holding) {
            String variant = f.variant();
            switch (f.type()) {
                case HOSTING_OUTAGE -> {
                    if ("dns".equals(variant)) {
                        nameGone = true; // the zone is gone, the servers still listen
                    } else {
                        mode = stronger(mode, "timeout".equals(variant) ? ListenerMode.BLACKHOLE : ListenerMode.REFUSED);
                    }
                }
                case ATTACK -> {
                    if ("flood".equals(variant)) {
                        mode = stronger(mode, ListenerMode.BLACKHOLE);
                    } else if ("reset".equals(variant)) {
                        mode = stronger(mode, ListenerMode.RESET);
                    } else if ("challenge".equals(variant)) {
                        challenge = true;
                    }
                }
                case STORAGE -> {
                    storage = "io_error".equals(variant) ? HttpEffects.StorageFailure.IO_ERROR
                            : HttpEffects.StorageFailure.DISK_FULL;
                    hang = Math.max(hang, Math.min(1.0, f.intensity() / 2));
                }
                case APPLICATION -> application = "error_500".equals(variant)
                        ? HttpEffects.ApplicationFailure.ERROR_500 : HttpEffects.ApplicationFailure.BROKEN_FORM;
                case MAINTENANCE -> maintenance = true;
                case FLASH_CROWD -> {
                    // load only: its effects emerge from the resource model
                }
            }
        }
        return new Combined(mode, new HttpEffects(maintenance, challenge, application, storage, hang, HANG_MILLIS),
                nameGone);
    }

    /** The variant a fault shows in its given pulse (a mixed attack cycles flood, challenge, reset, slow). */
    public static String variantInPhase(FaultType type, String variant, int phase) {
        if (type == FaultType.ATTACK && "mixed".equals(variant)) {
            return MIXED_ATTACK_CYCLE.get(phase % MIXED_ATTACK_CYCLE.size());
        }
        return variant;
    }

    static final List<String> MIXED_ATTACK_CYCLE = List.of("flood", "challenge", "reset", "slow");

    private static ListenerMode stronger(ListenerMode a, ListenerMode b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(ListenerMode m) {
        return switch (m) {
            case LISTENING -> 0;
            case RESET -> 1;
            case BLACKHOLE -> 2;
            case REFUSED -> 3;
        };
    }
}
