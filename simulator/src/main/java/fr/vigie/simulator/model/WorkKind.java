package fr.vigie.simulator.model;

/** What a request costs the host: which resources it holds and for how long. */
public enum WorkKind {
    /** served from the front cache: 1 ms, no worker */
    STATIC,
    /** a dynamic page: a worker for CPU time and two DB queries */
    PAGE,
    /** a login form post: a worker for CPU time and one DB query */
    LOGIN,
    /** a small JSON answer: a worker for a quarter of the CPU time and one DB query */
    API,
    /** a write: a worker for CPU time, one DB query and one storage write */
    WRITE
}
