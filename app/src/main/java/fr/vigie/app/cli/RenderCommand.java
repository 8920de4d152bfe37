package fr.vigie.app.cli;

import fr.vigie.aggregator.Aggregator;
import fr.vigie.aggregator.store.Store;
import fr.vigie.aggregator.store.Stores;
import fr.vigie.app.system.Sections;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.SiteRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code vigie render --config F --out DIR}: renders the status site from the store, without probing. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render the static status site from the store without running probes. The folder can be "
                + "published to any web server or CDN.")
public final class RenderCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: site.output from the config).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        VigieConfig cfg = ConfigFiles.loadOrReport(config, System.getenv(), spec.commandLine().getErr());
        if (cfg == null) {
            return ConfigFiles.INVALID;
        }
        Path target = out != null ? out : cfg.site().output();
        try (Store store = Stores.open(cfg.storage())) {
            Aggregator aggregator = new Aggregator(Sections.aggregator(cfg), store);
            Path generation = SiteRenderer.render(Sections.site(cfg),
                    aggregator.snapshots().snapshot(Instant.now()), target,
                    store);
            spec.commandLine().getOut().println("vigie render: site written to " + target + " (" + generation.getFileName() + ")");
        }
        return 0;
    }
}
