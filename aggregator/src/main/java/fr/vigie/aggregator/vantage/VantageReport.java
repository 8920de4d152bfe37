package fr.vigie.aggregator.vantage;

import java.time.Instant;
import java.util.List;

/**
 * What the site's "about the measurements" part may show about the vantages: which count, which are excluded
 * and why, whether confidence is partial, and the latest opinions left unconfirmed.
 *
 * @param at                 when this was computed
 * @param expected           n, vantages configured
 * @param quorum             k
 * @param vantages           every vantage heard of, by id
 * @param partialConfidence  fewer healthy vantages than k: the page says "confiance partielle" and keeps the
 *                           last published statuses rather than guess
 * @param dissents           latest unconfirmed opinions, newest first (at most {@link VantageVote#MAX_DISSENTS})
 * @param delays             how long results took to get here and to be decided (benchmark figures)
 */
public record VantageReport(Instant at, int expected, int quorum, List<VantageHealth> vantages,
                            boolean partialConfidence, List<Dissent> dissents, Delays delays) {
    /**
     * Since start: {@code transport} from a step's end on its probe node to its arrival here; {@code decision}
     * from the end of the run passed on to the classifier to the vote's decision (the delay the cluster adds
     * before the verdict: transport plus waiting for the other vantages). Same clock on both sides only when the
     * nodes share a machine or keep NTP time.
     */
    public record Delays(long results, double meanTransportMs, double maxTransportMs, long decisions,
                         double meanDecisionMs, double maxDecisionMs) {
    }

    public VantageReport {
        vantages = List.copyOf(vantages);
        dissents = List.copyOf(dissents);
    }

    public long healthyCount() {
        return vantages.stream().filter(VantageHealth::healthy).count();
    }

    /** The French line for the site ("3 points de mesure sur 3 retenus ; confirmation par 2 d'entre eux"). */
    public String summaryFr() {
        String line = healthyCount() + " point(s) de mesure sur " + expected + " retenu(s) ; une panne n'est publiée "
                + "que confirmée par " + quorum + " d'entre eux";
        return partialConfidence ? line + ". Confiance partielle : trop peu de points de mesure sains pour confirmer"
                + " une panne, les derniers statuts publiés sont conservés." : line + ".";
    }
}
