package fr.vigie.simulator.physics;

/**
 * Independent seeds from a seed and an index. java.util.Random seeded with nearby values gives correlated first
 * draws (its seed scrambling is a single xor), so every derived stream goes through the SplitMix64 finaliser.
 */
final class Seeds {
    private Seeds() {
    }

    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
