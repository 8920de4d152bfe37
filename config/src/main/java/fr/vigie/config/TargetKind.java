package fr.vigie.config;

/** What a target is: a regional ENT, a CNED service, a single sign-on, or a control target. */
public enum TargetKind {
    ENT, CNED, SSO,
    /** A target known to be healthy; when it fails too, the problem is on the probing side. */
    CONTROL
}
