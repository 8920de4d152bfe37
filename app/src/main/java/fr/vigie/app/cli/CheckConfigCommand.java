package fr.vigie.app.cli;

import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.VigieConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code vigie check-config F}: validates a configuration, prints a summary, exits non-zero on errors. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate a configuration file and print a summary. Every error is listed with its YAML path and line.")
public final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML configuration, e.g. config/france.yaml")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VigieConfig config = ConfigFiles.loadOrReport(file, System.getenv(), spec.commandLine().getErr());
        if (config == null) {
            return ConfigFiles.INVALID;
        }
        out.println(file + ": OK");
        out.println(summary(config));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        warnings(config).forEach(w -> err.println("warning: " + w));
        err.flush();
        return 0;
    }

    /** What is valid but probably not meant: printed after the summary, the exit status stays 0. */
    static java.util.List<String> warnings(VigieConfig config) {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        var alerts = config.alerts();
        boolean routed = alerts != null && !alerts.defaultReceivers().isEmpty()
                || alerts != null && alerts.routes().stream().anyMatch(r -> !r.receivers().isEmpty());
        if (alerts == null || alerts.receivers().isEmpty()) {
            warnings.add("no alert receiver is configured (alerts.receivers): the crisis cell gets no alerts");
        } else if (!routed) {
            warnings.add("no route or default-receivers sends to a receiver (alerts.routes, "
                    + "alerts.default-receivers): the crisis cell gets no alerts");
        }
        if (config.targets().stream().noneMatch(t -> t.kind() == TargetKind.CONTROL)) {
            warnings.add("no control target (targets[*].kind: control): a fault on Vigie's own probing side "
                    + "cannot be told from a fault of the services");
        }
        String ungrouped = ungrouped(config.targets());
        if (!ungrouped.isEmpty()) {
            warnings.add(ungrouped);
        }
        fr.vigie.config.calendar.CalendarCoverage calendar = fr.vigie.config.calendar.CalendarCoverage.of(
                fr.vigie.config.calendar.SchoolCalendar.of(config),
                java.time.LocalDate.now(config.site().timeZone()), config.schoolCalendar().warnDays());
        if (!calendar.ok()) {
            warnings.add(calendar.message());
        }
        config.subscriptionSettings().map(fr.vigie.config.SubscriptionsConfig::webhooks)
                .filter(w -> !w.allowNetworks().isEmpty())
                .ifPresent(w -> warnings.add("subscriptions.webhooks.allow-networks " + w.allowNetworks()
                        + " lets webhook callbacks reach these non-public networks, over plain http too: "
                        + "for tests and local deployments only"));
        return warnings;
    }

    /** Targets listed by name before the rest are only counted: the operator reads the first ones, fixes, reruns. */
    static final int UNGROUPED_LISTED = 20;

    /**
     * Services without {@code hosting-group}: each counts as its own host, so hosting correlation ("9 ENT of one
     * host fail together") never includes them. Control targets are left out: correlation ignores them anyway.
     */
    private static String ungrouped(java.util.List<Target> targets) {
        java.util.List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (t.kind() != TargetKind.CONTROL && (t.hostingGroup() == null || t.hostingGroup().isBlank())) {
                paths.add("targets[" + i + "] " + t.id());
            }
        }
        if (paths.isEmpty()) {
            return "";
        }
        String listed = String.join(", ", paths.subList(0, Math.min(paths.size(), UNGROUPED_LISTED)));
        String more = paths.size() > UNGROUPED_LISTED ? ", and " + (paths.size() - UNGROUPED_LISTED) + " more" : "";
        return paths.size() + " of " + targets.stream().filter(t -> t.kind() != TargetKind.CONTROL).count()
                + " services have no hosting-group (targets[i].hosting-group), so hosting correlation leaves them out: "
                + listed + more;
    }

    static String summary(VigieConfig config) {
        Map<TargetKind, Long> byKind = config.targets().stream()
                .collect(Collectors.groupingBy(Target::kind, () -> new java.util.EnumMap<>(TargetKind.class),
                        Collectors.counting()));
        long withCredentials = config.targets().stream().filter(t -> t.credentials().isPresent()).count();
        Map<String, Long> byHosting = new TreeMap<>(config.targets().stream()
                .collect(Collectors.groupingBy(t -> t.hostingGroup() == null ? "?" : t.hostingGroup(),
                        Collectors.counting())));
        StringBuilder s = new StringBuilder();
        s.append("  site:       ").append(config.site().title()).append(" (").append(config.site().baseUrl())
                .append(", ").append(config.site().timeZone()).append(")\n");
        s.append("  storage:    ").append(config.storage().type().name().toLowerCase())
                .append(config.storage().type() == fr.vigie.config.StorageConfig.Type.EMBEDDED
                        ? " " + config.storage().path() : " " + config.storage().url())
                .append('\n');
        if (!config.site().mirrors().isEmpty()) { // URLs carry no account (the loader refuses one)
            s.append("  site mirrors: ").append(config.site().mirrors().stream().map(fr.vigie.config.SiteMirror::url)
                    .toList()).append('\n');
        }
        s.append("  vantage:    ").append(config.vantage().id()).append('\n');
        s.append("  targets:    ").append(config.targets().size()).append(' ').append(byKind)
                .append(", ").append(withCredentials).append(" with credentials (full logged-in journey)\n");
        s.append("  hosting:    ").append(byHosting).append('\n');
        s.append("  journeys:   ").append(new TreeMap<>(config.journeys()).keySet()).append('\n');
        s.append("  schedules:  ").append(new TreeMap<>(config.schedules()).keySet()).append('\n');
        s.append("  maintenance windows: ").append(config.maintenance().size()).append('\n');
        s.append("  alert receivers: ").append(new TreeMap<>(config.alerts().receivers()).keySet())
                .append(", routes: ").append(config.alerts().routes().size());
        config.subscriptionSettings().ifPresent(sub -> s.append("\n  e-mail subscriptions: endpoint ")
                .append(sub.listen()).append(" (public ").append(sub.publicUrl()).append("), relay ").append(sub.smtp())
                .append(", ").append(sub.ratePerSecond()).append(" messages/s")
                .append(sub.webhooks() == null ? "" : "\n  webhook subscriptions: " + sub.publicUrl() + "/webhooks"));
        return s.toString();
    }
}
