package fr.vigie.simulator.scenario;

import fr.vigie.simulator.ServiceSpec;
import fr.vigie.simulator.SimulatedFleet;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plays a scenario against a running fleet on real time: each event is injected at start + at (Vert.x timers) and
 * clears itself after its duration; the fleet writes the ground truth. The returned future completes at
 * start + duration.
 */
public final class ScenarioPlayer {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioPlayer.class);

    private final Vertx vertx;
    private final SimulatedFleet fleet;
    private final InstantSource clock;
    private final List<Long> timers = new ArrayList<>();

    public ScenarioPlayer(Vertx vertx, SimulatedFleet fleet, InstantSource clock) {
        this.vertx = vertx;
        this.fleet = fleet;
        this.clock = clock;
    }

    /**
     * Checks every event names services of the fleet (and that a dns outage names services addressed by name),
     * then schedules them.
     */
    public Future<Void> play(Scenario scenario, Instant start) {
        try {
            check(scenario);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        LOG.info("scenario={} starts at {} for {}", scenario.name(), start, scenario.length());
        for (ScenarioEvent event : scenario.events()) {
            schedule(start.plus(event.start()), () -> (event.isRush()
                    ? fleet.addRush(event.hostingGroup(), event.intensity(), event.end().minus(event.start()))
                    : fleet.faults().inject(event.toRequest()).mapEmpty())
                    .onFailure(e -> LOG.warn("scenario={} cannot inject {}: {}", scenario.name(), event.type(),
                            e.getMessage())));
        }
        Promise<Void> done = Promise.promise();
        schedule(start.plus(scenario.length()), () -> {
            LOG.info("scenario={} ended", scenario.name());
            done.complete();
        });
        return done.future();
    }

    /** Cancels the events not yet started (faults already injected clear themselves). */
    public void cancel() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }

    private void schedule(Instant when, Runnable action) {
        long delay = Math.max(1, Duration.between(clock.instant(), when).toMillis());
        timers.add(vertx.setTimer(delay, id -> action.run()));
    }

    private void check(Scenario scenario) {
        Set<String> ids = fleet.services().stream().map(ServiceSpec::id).collect(Collectors.toSet());
        Set<String> groups = fleet.services().stream().map(ServiceSpec::hostingGroup).collect(Collectors.toSet());
        for (ScenarioEvent e : scenario.events()) {
            for (String t : e.targets()) {
                if (!ids.contains(t)) {
                    throw new IllegalArgumentException("scenario " + scenario.name() + ": unknown target " + t);
                }
            }
            if (e.targets().isEmpty() && !groups.contains(e.hostingGroup())) {
                throw new IllegalArgumentException("scenario " + scenario.name() + ": unknown hosting group "
                                                   + e.hostingGroup());
            }
            if (!e.isRush() && e.toRequest().removesNames()) {
                for (ServiceSpec s : fleet.services()) {
                    boolean covered = e.targets().isEmpty() ? s.hostingGroup().equals(e.hostingGroup())
                            : e.targets().contains(s.id());
                    if (covered && s.name().isEmpty()) {
                        throw new IllegalArgumentException("scenario " + scenario.name() + ": a dns outage needs "
                                + "services addressed by a name under .test, " + s.id() + " is at " + s.host());
                    }
                }
            }
        }
    }
}
