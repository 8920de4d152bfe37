package fr.vigie.app.cli;

import fr.vigie.aggregator.Aggregator;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.store.Store;
import fr.vigie.aggregator.store.Stores;
import fr.vigie.app.system.Sections;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.SiteRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/**
 * {@code vigie report --config F --incident ID [--out DIR]}: writes one resolved incident's report (page, PDF, JSON,
 * every language) from the store, the same files the site publishes, without probing.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the report of one resolved incident (page, PDF, JSON) from the store, as the status "
                + "site publishes it under incidents/<id>/.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE")
    Path config;

    @Option(names = "--incident", required = true, paramLabel = "ID", description = "Incident id, as in its URL.")
    String incident;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: report-<ID>).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        VigieConfig cfg = ConfigFiles.loadOrReport(config, System.getenv(), spec.commandLine().getErr());
        if (cfg == null) {
            return ConfigFiles.INVALID;
        }
        try (Store store = Stores.open(cfg.storage())) {
            Aggregator aggregator = new Aggregator(Sections.aggregator(cfg), store);
            Optional<Incident> found = aggregator.incidents().stream().filter(i -> i.id().equals(incident))
                    .findFirst();
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("vigie report: no incident " + incident + " in the store");
                return 1;
            }
            SortedMap<String, byte[]> files = SiteRenderer.report(Sections.site(cfg),
                    aggregator.snapshots().snapshot(Instant.now()),
                    store, incident);
            if (files.isEmpty()) {
                spec.commandLine().getErr().println("vigie report: incident " + incident + " has no report: "
                        + (found.get().open() ? "it is still open" : "it is about Vigie's own probing, not a service"));
                return 1;
            }
            Path folder = out != null ? out : Path.of("report-" + incident.replaceAll("[^A-Za-z0-9._-]", "-"));
            for (var file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            spec.commandLine().getOut().println("vigie report: " + files.size() + " files written to " + folder
                    + " (PDF: " + folder.resolve(files.keySet().stream().filter(p -> p.endsWith(".pdf")
                    && !p.contains("/en/") && !p.startsWith("en/")).findFirst().orElse("")) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
