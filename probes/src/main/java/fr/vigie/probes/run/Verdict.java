package fr.vigie.probes.run;

import fr.vigie.probes.Outcome;

/** How a received response is judged: outcome, matched signature and queue figures, a short detail. */
record Verdict(Outcome outcome, String signature, Integer queuePosition, Integer queueWaitS, String detail) {
    static Verdict of(Outcome outcome, String detail) {
        return new Verdict(outcome, null, null, null, detail);
    }
}
