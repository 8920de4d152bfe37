package fr.vigie.aggregator.vantage;

import java.time.Duration;
import java.time.Instant;

/**
 * One vantage as the vote sees it.
 *
 * @param vantage       vantage id
 * @param healthy       counted in the vote
 * @param reason        why not, in French ("battement de cœur absent depuis 16 s"); empty when healthy
 * @param lastHeartbeat when its last heartbeat arrived (receiver's clock), or null if never
 * @param clockOffset   its clock minus the receiver's at the last heartbeat, or null
 */
public record VantageHealth(String vantage, boolean healthy, String reason, Instant lastHeartbeat,
                            Duration clockOffset) {
}
