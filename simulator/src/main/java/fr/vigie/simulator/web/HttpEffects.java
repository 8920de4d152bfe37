package fr.vigie.simulator.web;

/**
 * What the active faults do to a service's HTTP answers while it listens.
 *
 * @param maintenance     every request answers the planned-maintenance 503 with Retry-After
 * @param challenge       every request answers the anti-DDoS challenge page (403)
 * @param application     an application failure, or NONE
 * @param storage         a storage failure of writes, or NONE
 * @param hangProbability share of uncached page reads that hang (fail-slow) while storage fails
 * @param hangMillis      how long a hanging read hangs before its I/O error
 */
public record HttpEffects(boolean maintenance, boolean challenge, ApplicationFailure application,
                          StorageFailure storage, double hangProbability, long hangMillis) {

    public static final HttpEffects NONE =
            new HttpEffects(false, false, ApplicationFailure.NONE, StorageFailure.NONE, 0, 0);

    /** Application faults. */
    public enum ApplicationFailure {
        NONE,
        /** fast 200 pages whose login form is gone */
        BROKEN_FORM,
        /** fast 500 with a generic error body (no storage words) */
        ERROR_500
    }

    /** Storage faults seen by write steps. */
    public enum StorageFailure {
        NONE,
        /** 507 "No space left on device" */
        DISK_FULL,
        /** 500 "Input/output error" */
        IO_ERROR
    }
}
