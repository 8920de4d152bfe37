package fr.vigie.aggregator.incident;

import fr.vigie.aggregator.AggregatorSections;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.aggregator.store.Store;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Keeps the append-only incident log. Each target verdict joins, moves or leaves an incident keyed by scope and
 * cause; every change is one {@link IncidentEvent} with the next global sequence number, appended to the store.
 * State is the fold of the log ({@link Incident#fold}) and is rebuilt identically from the store at start-up.
 * Not thread-safe: the aggregator calls it under its own lock.
 */
public final class IncidentManager {
    static final String AUTHOR = "vigie";
    private static final Logger LOG = LoggerFactory.getLogger(IncidentManager.class);

    private final AggregatorSections config;
    private final Store store;
    private final IncidentScope scopes;
    private final ZoneId zone;
    private final Map<String, List<IncidentEvent>> logById = new LinkedHashMap<>();
    private final Map<String, Incident> states = new LinkedHashMap<>();
    private final Map<String, String> scopeById = new HashMap<>();
    private final Map<String, String> keyById = new HashMap<>();
    private final Map<String, String> openByKey = new HashMap<>();
    private final Map<String, String> incidentOfTarget = new HashMap<>();
    private final Map<String, Status> statusOfTarget = new HashMap<>();
    private long seq;

    /** Rebuilds the state from the store's log. */
    public IncidentManager(AggregatorSections config, Store store) {
        this.config = config;
        this.store = store;
        this.scopes = new IncidentScope(config);
        this.zone = config.site() == null || config.site().timeZone() == null
                ? ZoneId.of("Europe/Paris") : config.site().timeZone();
        for (IncidentEvent e : store.incidentEvents()) {
            replay(e);
        }
        states.values().stream().filter(Incident::open).forEach(i -> i.targets().forEach(t -> {
            incidentOfTarget.put(t, i.id());
            statusOfTarget.put(t, i.status());
        }));
        if (seq > 0) {
            LOG.info("incident log rebuilt: {} incidents, {} open, last seq {}", states.size(),
                    states.values().stream().filter(Incident::open).count(), seq);
        }
    }

    /**
     * Applies a target's verdict: joins, moves or leaves incidents.
     *
     * @return the incident id the target now belongs to (null if none) and the events appended
     */
    public Applied apply(Verdict v) {
        List<IncidentChange> changes = new ArrayList<>();
        String target = v.target();
        String current = incidentOfTarget.get(target);
        boolean affected = v.status() != Status.OPERATIONAL || (v.cause() != Cause.NONE);
        // A control target is not a service: its failure (Vigie's own path, or the control site itself) is told to
        // the operator (log, /readyz), never as an incident that the public reads or that alerts the crisis cell,
        // and never as a vantage incident that would hold back every service alert while the control is down.
        boolean control = config.target(target).map(t -> t.kind() == TargetKind.CONTROL).orElse(false);
        if (control || !affected || v.cause() == Cause.MAINTENANCE || v.cause() == Cause.NONE) {
            // Declared maintenance is announced as such, not as an incident.
            if (current != null) {
                leave(target, current, v.ts(), v.evidence(), changes);
            }
            return new Applied(null, changes);
        }
        String scope = scopes.of(target, v.cause());
        String key = scope + "|" + v.cause().wire();
        if (v.cause() == Cause.UNKNOWN) {
            // A cause still under analysis contradicts no incident of its scope: the target stays in (or joins)
            // the open one instead of leaving it or opening a second incident for the same hosting group.
            String open = current != null && scope.equals(scopeById.get(current)) ? current : openInScope(scope);
            if (open != null) {
                key = keyById.get(open);
            }
        }
        if (current != null && key.equals(keyById.get(current))) {
            statusOfTarget.put(target, v.status());
            Status worst = worstOf(states.get(current).targets());
            if (worst != states.get(current).status()) {
                append(new IncidentEvent(current, 0, v.ts(), IncidentEvent.Type.STATUS_CHANGED, worst, null,
                        List.of(), v.evidence(), null, AUTHOR), changes);
            }
            return new Applied(current, changes);
        }
        if (current != null && (states.get(current).targets().equals(List.of(target))
                || states.get(current).cause() == Cause.UNKNOWN) && !openByKey.containsKey(key)
                && scope.equals(scopeById.get(current))) {
            // The understanding of a one-target incident evolved (network, then attack), or a cause under analysis
            // became known: same incident, same id and name, new cause.
            openByKey.remove(keyById.get(current));
            keyById.put(current, key);
            openByKey.put(key, current);
            statusOfTarget.put(target, v.status());
            List<String> members = states.get(current).targets();
            append(new IncidentEvent(current, 0, v.ts(), IncidentEvent.Type.CAUSE_CHANGED, worstOf(members),
                    v.cause(), List.of(), v.evidence(), summary(v.cause(), members, scope), AUTHOR), changes);
            return new Applied(current, changes);
        }
        String pending = openByKey.containsKey(key) || v.cause() == Cause.UNKNOWN ? null : openInScope(scope);
        if (pending != null && states.get(pending).cause() == Cause.UNKNOWN && !pending.equals(current)) {
            // The scope's incident opened while its cause was under analysis (its first service judged before its
            // neighbours' results of the same round came in): the cause now named is that incident's, not a second
            // incident's. Same id and name, new cause; the target joins it below.
            openByKey.remove(keyById.get(pending));
            keyById.put(pending, key);
            openByKey.put(key, pending);
            List<String> members = states.get(pending).targets();
            append(new IncidentEvent(pending, 0, v.ts(), IncidentEvent.Type.CAUSE_CHANGED, worstOf(members),
                    v.cause(), List.of(), v.evidence(), summary(v.cause(), members, scope), AUTHOR), changes);
        }
        if (current != null) {
            leave(target, current, v.ts(), List.of(), changes);
        }
        statusOfTarget.put(target, v.status());
        String id = openByKey.get(key);
        if (id == null) {
            id = newId(v.ts(), scope);
            scopeById.put(id, scope);
            keyById.put(id, key);
            openByKey.put(key, id);
            append(new IncidentEvent(id, 0, v.ts(), IncidentEvent.Type.OPENED, v.status(), v.cause(),
                    List.of(target), v.evidence(), summary(v.cause(), List.of(target), scope), AUTHOR), changes);
        } else {
            List<String> targets = new ArrayList<>(states.get(id).targets());
            targets.add(target);
            append(new IncidentEvent(id, 0, v.ts(), IncidentEvent.Type.TARGETS_CHANGED, worstOf(targets), null,
                    targets, v.evidence(), summary(v.cause(), targets, scope), AUTHOR), changes);
        }
        incidentOfTarget.put(target, id);
        return new Applied(id, changes);
    }

    /** A human update from the crisis cell: French text, optional status or cause override. */
    public IncidentChange postUpdate(String incidentId, String author, String frenchText, Optional<Status> status,
                                     Optional<Cause> cause, Instant at) {
        if (!states.containsKey(incidentId)) {
            throw new NoSuchElementException("no incident " + incidentId);
        }
        List<IncidentChange> changes = new ArrayList<>();
        append(new IncidentEvent(incidentId, 0, at, IncidentEvent.Type.HUMAN_UPDATE, status.orElse(null),
                cause.orElse(null), List.of(), List.of(), frenchText, author), changes);
        LOG.info("incident {} updated by the crisis cell", incidentId);
        return changes.get(0);
    }

    /** Every incident, newest first. */
    public List<Incident> incidents() {
        List<Incident> all = new ArrayList<>(states.values());
        all.sort(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id).reversed());
        return all;
    }

    public Optional<Incident> incident(String id) {
        return Optional.ofNullable(states.get(id));
    }

    /** Incident a target currently belongs to, or null. */
    public String incidentOf(String target) {
        return incidentOfTarget.get(target);
    }

    private void leave(String target, String id, Instant ts, List<Evidence> evidence, List<IncidentChange> changes) {
        incidentOfTarget.remove(target);
        statusOfTarget.remove(target);
        List<String> remaining = new ArrayList<>(states.get(id).targets());
        remaining.remove(target);
        if (remaining.isEmpty()) {
            openByKey.remove(keyById.get(id));
            // A resolved incident lists every target it affected, not only the last one to recover.
            LinkedHashSet<String> all = new LinkedHashSet<>();
            logById.get(id).forEach(e -> all.addAll(e.targets()));
            append(new IncidentEvent(id, 0, ts, IncidentEvent.Type.RESOLVED, Status.OPERATIONAL, null,
                    List.copyOf(all), evidence, "résolu : tous les services concernés fonctionnent de nouveau",
                    AUTHOR), changes);
        } else {
            Incident inc = states.get(id);
            append(new IncidentEvent(id, 0, ts, IncidentEvent.Type.TARGETS_CHANGED, worstOf(remaining), null,
                    remaining, List.of(), summary(inc.cause(), remaining, scopeById.get(id)), AUTHOR), changes);
        }
    }

    private void append(IncidentEvent draft, List<IncidentChange> changes) {
        IncidentEvent e = new IncidentEvent(draft.incidentId(), seq + 1, draft.ts(), draft.type(), draft.status(),
                draft.cause(), draft.targets(), draft.evidence(), draft.message(), draft.author());
        store.appendIncidentEvent(e);
        replay(e);
        changes.add(new IncidentChange(e, states.get(e.incidentId())));
        LOG.info("incident {} {} seq {}", e.incidentId(), e.type(), e.seq());
    }

    /** Folds one event into the state (used both live and when rebuilding from the store). */
    private void replay(IncidentEvent e) {
        seq = Math.max(seq, e.seq());
        List<IncidentEvent> log = logById.computeIfAbsent(e.incidentId(), k -> new ArrayList<>());
        log.add(e);
        if (e.type() == IncidentEvent.Type.OPENED && !scopeById.containsKey(e.incidentId())) {
            String scope = scopes.of(e.targets().isEmpty() ? "" : e.targets().get(0), e.cause());
            scopeById.put(e.incidentId(), scope);
            keyById.put(e.incidentId(), scope + "|" + e.cause().wire());
        }
        if (e.type() == IncidentEvent.Type.CAUSE_CHANGED && AUTHOR.equals(e.author()) && e.cause() != null) {
            String previous = keyById.get(e.incidentId());
            if (previous != null) openByKey.remove(previous, e.incidentId());
            keyById.put(e.incidentId(), scopeById.get(e.incidentId()) + "|" + e.cause().wire());
        }
        Incident state = Incident.fold(scopeById.getOrDefault(e.incidentId(), "unknown"), log);
        states.put(e.incidentId(), state);
        String key = keyById.get(e.incidentId());
        if (key != null) {
            if (state.open()) openByKey.put(key, e.incidentId());
            else openByKey.remove(key, e.incidentId());
        }
    }

    /** An open incident of this scope, whatever its cause, or null. */
    private String openInScope(String scope) {
        return openByKey.entrySet().stream().filter(e -> e.getKey().startsWith(scope + "|"))
                .map(Map.Entry::getValue).sorted().findFirst().orElse(null);
    }

    private Status worstOf(List<String> targets) {
        Status worst = Status.OPERATIONAL;
        for (String t : targets) {
            worst = worst.worst(statusOfTarget.getOrDefault(t, Status.OPERATIONAL));
        }
        return worst;
    }

    private String newId(Instant ts, String scope) {
        // No cause in the id: the cause may evolve while the incident stays the same.
        return ts.atZone(zone).toLocalDate() + "-" + IncidentScope.slug(scope) + "-" + (states.size() + 1);
    }

    /** "saturation sur 9 ENT hébergés par X" */
    private String summary(Cause cause, List<String> targets, String scope) {
        boolean allEnt = targets.stream().allMatch(t -> config.target(t).map(Target::kind)
                .orElse(TargetKind.ENT) == TargetKind.ENT);
        String what = targets.size() + (allEnt ? " ENT" : " service" + (targets.size() > 1 ? "s" : ""));
        String where = scope.startsWith("hosting:") ? " hébergé" + (targets.size() > 1 ? "s" : "") + " par "
                + config.hostingName(scope.substring("hosting:".length())) : " (" + String.join(", ", targets) + ")";
        return IncidentScope.causeFr(cause) + " sur " + what + where;
    }

    /** The incident a verdict's target belongs to after applying it, and the events appended. */
    public record Applied(String incident, List<IncidentChange> changes) {
    }
}
