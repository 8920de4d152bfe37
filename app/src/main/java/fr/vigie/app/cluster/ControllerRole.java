package fr.vigie.app.cluster;

import fr.vigie.aggregator.vantage.Dissent;
import fr.vigie.aggregator.vantage.VantageHealth;
import fr.vigie.aggregator.vantage.VantageReport;
import fr.vigie.aggregator.vantage.VantageVote;
import fr.vigie.alerts.delivery.DeliveryClaims;
import fr.vigie.app.system.SystemRole;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.schedule.StepResultCodec;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A controller of a cluster: receives every vantage's results and heartbeats, puts them through the k-of-n
 * {@link VantageVote} before the aggregator, and renders and alerts only while it holds the leadership. The vote's
 * {@link VantageReport} is written to {@code <data folder>/vantages.json} for the site's "about the measurements".
 */
final class ControllerRole implements SystemRole {
    static final String REPORT_FILE = "vantages.json";
    private static final Logger LOG = LoggerFactory.getLogger(ControllerRole.class);

    private final Vertx vertx;
    private final VigieConfig config;
    private final Clock clock;
    private final Leadership leadership;
    private final ClusterDeliveryClaims claims;
    private MessageConsumer<Object> heartbeats;
    private long ticker = -1;
    private volatile VantageVote vote;

    ControllerRole(Vertx vertx, VigieConfig config, Clock clock, Leadership leadership, String nodeId) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.leadership = leadership;
        this.claims = new ClusterDeliveryClaims(vertx, leadership::isLeader, nodeId);
    }

    @Override
    public boolean probesHere() {
        return false;
    }

    @Override
    public MessageConsumer<StepResult> resultConsumer(Vertx vertx, Handler<Message<StepResult>> handler) {
        StepResultCodec.registerOn(vertx.eventBus()); // results arrive as trace lines from the probe nodes
        return vertx.eventBus().consumer(StepResult.ADDRESS, handler);
    }

    @Override
    public Consumer<StepResult> intake(Consumer<StepResult> aggregator, Executor aggregatorThread) {
        VantageVote v = new VantageVote(config.targets(), config.journeys(), config.clusterSettings().orElseThrow(),
                aggregator, clock);
        this.vote = v;
        heartbeats = vertx.eventBus().consumer(HeartbeatCodec.ADDRESS, msg -> {
            var beat = HeartbeatCodec.fromJson((JsonObject) msg.body());
            aggregatorThread.execute(() -> v.heartbeat(beat));
        });
        Path report = config.storage().dataFolder().resolve(REPORT_FILE);
        ticker = vertx.setPeriodic(1000, id -> aggregatorThread.execute(() -> {
            v.tick();
            write(v.report(), report);
        }));
        return v::accept;
    }

    @Override
    public DeliveryClaims claims() {
        return claims;
    }

    @Override
    public void whenLeader(Runnable becameLeader) {
        leadership.whenLeader(becameLeader);
    }

    @Override
    public VantageReport vantageReport() {
        return report();
    }

    VantageReport report() {
        VantageVote v = vote;
        return v == null ? null : v.report();
    }

    @Override
    public void close() {
        if (ticker >= 0) {
            vertx.cancelTimer(ticker);
        }
        if (heartbeats != null) {
            heartbeats.unregister();
        }
        leadership.stop();
    }

    private static void write(VantageReport r, Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, toJson(r).encodePrettily(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not write {}: {}", file, e.toString());
        }
    }

    static JsonObject toJson(VantageReport r) {
        JsonArray vantages = new JsonArray();
        for (VantageHealth h : r.vantages()) {
            vantages.add(new JsonObject().put("vantage", h.vantage()).put("healthy", h.healthy())
                    .put("reason", h.reason())
                    .put("last_heartbeat", h.lastHeartbeat() == null ? null : h.lastHeartbeat().toString())
                    .put("clock_offset_ms", h.clockOffset() == null ? null : h.clockOffset().toMillis()));
        }
        JsonArray dissents = new JsonArray();
        for (Dissent d : r.dissents()) {
            dissents.add(new JsonObject().put("target", d.target()).put("vantage", d.vantage())
                    .put("scheduled", d.scheduled().toString()).put("outcome", d.outcome())
                    .put("agreeing", d.agreeing()).put("quorum", d.quorum()));
        }
        return new JsonObject().put("at", r.at().toString()).put("expected", r.expected()).put("quorum", r.quorum())
                .put("healthy", r.healthyCount()).put("partial_confidence", r.partialConfidence())
                .put("summary_fr", r.summaryFr()).put("vantages", vantages).put("dissents", dissents)
                .put("delays", new JsonObject().put("results", r.delays().results())
                        .put("mean_transport_ms", Math.round(r.delays().meanTransportMs()))
                        .put("max_transport_ms", Math.round(r.delays().maxTransportMs()))
                        .put("decisions", r.delays().decisions())
                        .put("mean_decision_ms", Math.round(r.delays().meanDecisionMs()))
                        .put("max_decision_ms", Math.round(r.delays().maxDecisionMs())));
    }
}
