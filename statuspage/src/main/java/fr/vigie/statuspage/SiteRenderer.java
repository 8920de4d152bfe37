package fr.vigie.statuspage;

import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.store.Store;
import fr.vigie.config.VigieConfig;

import java.nio.file.Path;

/** One-shot rendering for {@code vigie render --config F --out DIR}: no probes, no server. */
public final class SiteRenderer {
    private SiteRenderer() {
    }

    /** Generates the site for {@code snapshot} at {@code out} (a link switched atomically to the new files). */
    public static Path render(VigieConfig config, StatusSnapshot snapshot, Path out) {
        return new SiteGenerator(config).generate(snapshot, out);
    }

    /** The same, with a report for every resolved incident, read from {@code store}. */
    public static Path render(VigieConfig config, StatusSnapshot snapshot, Path out, Store store) {
        return SiteGenerator.withReports(config, store).generate(snapshot, out);
    }
}
