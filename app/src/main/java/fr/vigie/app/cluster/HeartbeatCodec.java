package fr.vigie.app.cluster;

import fr.vigie.aggregator.vantage.Heartbeat;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** Heartbeats travel as small JSON objects on {@link #ADDRESS}. */
final class HeartbeatCodec {
    static final String ADDRESS = "vigie.cluster.heartbeat";

    private HeartbeatCodec() {
    }

    static JsonObject toJson(Heartbeat beat) {
        return new JsonObject().put("vantage", beat.vantage()).put("node", beat.node())
                .put("sent_at", beat.sentAt().toEpochMilli());
    }

    static Heartbeat fromJson(JsonObject json) {
        return new Heartbeat(json.getString("vantage"), json.getString("node"),
                Instant.ofEpochMilli(json.getLong("sent_at")));
    }
}
