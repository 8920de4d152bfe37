package fr.vigie.alerts.routing;

import fr.vigie.config.AlertsConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates the configured routes in order: every non-empty matcher of a route must match; a match adds the
 * route's receivers and stops the evaluation unless the route says {@code continue}; when no route matched,
 * the default receivers get it.
 */
public final class Router {
    private final AlertsConfig config;

    public Router(AlertsConfig config) {
        this.config = config;
    }

    /** Receiver names for an incident, in route order, without duplicates. */
    public List<String> receiversFor(IncidentLabels labels) {
        Set<String> out = new LinkedHashSet<>();
        boolean matched = false;
        for (AlertsConfig.Route route : config.routes()) {
            if (matches(route, labels)) {
                matched = true;
                out.addAll(route.receivers());
                if (!route.cont()) {
                    break;
                }
            }
        }
        if (!matched) {
            out.addAll(config.defaultReceivers());
        }
        return List.copyOf(out);
    }

    /**
     * Receivers for an alert about Vigie itself: the default receivers, except the one the alert is about;
     * when that leaves none, the first other receiver in file order, so the alert takes another route.
     */
    public List<String> internalReceivers(String aboutReceiver) {
        List<String> out = new ArrayList<>(config.defaultReceivers());
        out.remove(aboutReceiver);
        if (out.isEmpty()) {
            config.receivers().keySet().stream().filter(r -> !r.equals(aboutReceiver)).findFirst()
                    .ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    static boolean matches(AlertsConfig.Route r, IncidentLabels l) {
        return IncidentLabels.anyMatch(r.kinds(), l.kinds())
                && IncidentLabels.anyMatch(r.regions(), l.regions())
                && IncidentLabels.anyMatch(r.academies(), l.academies())
                && IncidentLabels.anyMatch(r.hostingGroups(), l.hostingGroups())
                && IncidentLabels.anyMatch(r.causes(), l.causes())
                && IncidentLabels.anyMatch(r.statuses(), l.statuses());
    }
}
