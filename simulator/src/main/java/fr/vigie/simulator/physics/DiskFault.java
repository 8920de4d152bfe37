package fr.vigie.simulator.physics;

import java.util.List;

/**
 * A target's storage fails or slows; reads are served from the page cache and keep working, writes (journal, fsync)
 * meet the disk. Modes: {@code FULL} (ENOSPC: the write fails at once, "No space left on device");
 * {@code DB_EXTEND} (PostgreSQL cannot extend a table file); {@code READ_ONLY} (ext4 errors=remount-ro: EROFS);
 * {@code SLOW} (fail-slow disk: write latency log-normal with a median of {@code intensity} ms and sigma 1, so a
 * few writes exceed the step time-out); {@code HANG} (MySQL on a full disk waits for space, re-checking every
 * 60 s, instead of failing: writes hang to the time-out); {@code IO_ERROR} (failing medium: EIO on 70 % of writes
 * and on the 5 % of reads that miss the cache).
 */
final class DiskFault extends TargetedFault {
    enum Mode { FULL, DB_EXTEND, READ_ONLY, SLOW, HANG, IO_ERROR }

    private final Mode mode;

    DiskFault(String target, Window window, Mode mode, double latencyMs) {
        super(List.of(target), window, mode.name().toLowerCase(java.util.Locale.ROOT), latencyMs);
        this.mode = mode;
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    String cause() {
        return "storage";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        c.disk = mode;
        c.diskLatencyMs = intensity;
    }
}
