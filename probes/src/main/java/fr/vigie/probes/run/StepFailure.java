package fr.vigie.probes.run;

import fr.vigie.probes.Outcome;

/** A step that cannot go on, with the outcome to report and a short, secret-free reason. */
final class StepFailure extends RuntimeException {
    private final Outcome outcome;

    StepFailure(Outcome outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }
}
