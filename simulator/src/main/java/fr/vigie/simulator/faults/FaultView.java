package fr.vigie.simulator.faults;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/** An active fault as the admin API and callers see it. */
public record FaultView(String id, FaultType type, List<String> targets, Instant start, String variant,
                        double intensity, boolean phaseOn) {

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("type", type.wire()).put("cause", type.cause())
                .put("targets", new JsonArray(targets)).put("start", start.toString()).put("variant", variant)
                .put("intensity", intensity).put("phaseOn", phaseOn);
    }
}
