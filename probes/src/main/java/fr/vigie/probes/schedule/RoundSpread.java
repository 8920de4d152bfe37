package fr.vigie.probes.schedule;

import java.time.Duration;
import java.util.zip.CRC32;

/**
 * Spreads targets over the probing interval: each target gets a fixed offset (CRC-32 of its id modulo the
 * interval), so rounds never fire all at once and a target keeps the same rhythm across restarts.
 */
final class RoundSpread {
    private RoundSpread() {
    }

    static long offsetMillis(String targetId, Duration interval) {
        long period = Math.max(1, interval.toMillis());
        CRC32 crc = new CRC32();
        crc.update(targetId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue() % period;
    }
}
