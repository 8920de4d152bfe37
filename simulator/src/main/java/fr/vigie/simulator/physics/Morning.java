package fr.vigie.simulator.physics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated morning: its day, the probed span, the day's demand and the mechanisms that hold.
 *
 * @param kind the morning's main story (healthy, syn_flood...), for the plan and the summary line
 * @param seed seed of the morning's random streams
 */
record Morning(int index, String kind, LocalDate day, Instant start, Instant end, Demand demand,
               List<Mechanism> mechanisms, long seed) {
}
