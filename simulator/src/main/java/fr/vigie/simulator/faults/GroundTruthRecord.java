package fr.vigie.simulator.faults;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One fault segment on one target: the ground truth a classifier is scored against.
 *
 * @param target    target id
 * @param fault     fault type (wire name)
 * @param cause     the cause it should be classified as
 * @param start     when it was injected
 * @param end       when it cleared
 * @param faultId   the injection it came from (one injection may cover several targets)
 * @param variant   how it showed (e.g. mixed, disk_full)
 * @param intensity its intensity
 */
public record GroundTruthRecord(String target, String fault, String cause, Instant start, Instant end,
                                String faultId, String variant, double intensity) {

    public JsonObject toJson() {
        return new JsonObject().put("target", target).put("fault", fault).put("cause", cause)
                .put("start", start.toString()).put("end", end.toString()).put("faultId", faultId)
                .put("variant", variant).put("intensity", intensity);
    }
}
