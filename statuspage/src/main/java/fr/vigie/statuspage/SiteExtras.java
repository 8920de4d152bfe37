package fr.vigie.statuspage;

import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.output.SiteFiles;

import java.util.List;

/** The machine-readable parts of the site: feeds, Statuspage JSON and badges. */
final class SiteExtras {
    private SiteExtras() {
    }

    static void addTo(SiteFiles files, PublicState state, List<String> languages) {
    }
}
