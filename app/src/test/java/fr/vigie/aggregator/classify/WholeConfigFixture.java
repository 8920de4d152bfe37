package fr.vigie.aggregator.classify;

import fr.vigie.config.VigieConfig;

/**
 * Not product code: a class in a stage's package that takes the whole configuration, for ArchitectureTest's
 * positive control (its rule must report it).
 */
public final class WholeConfigFixture {
    private final int targets;

    public WholeConfigFixture(VigieConfig config) {
        this.targets = config.targets().size();
    }

    public int targets() {
        return targets;
    }
}
