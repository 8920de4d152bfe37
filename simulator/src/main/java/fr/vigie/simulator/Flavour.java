package fr.vigie.simulator;

/** The kind of platform a simulated service imitates; each serves the endpoints of one journey template. */
public enum Flavour {
    /** Open ENT NG / entcore: form login at /auth/login, timeline, XSRF-checked writes, waiting room. */
    OPEN_ENT_NG,
    /** Apereo CAS in front of an ENT portal, also serving the Kosmos /login?selection= paths. */
    CAS,
    /** CNED "Ma classe à la maison": login, courses, virtual-class join page. */
    CNED,
    /** ÉduConnect: Shibboleth IdP with SAML POST binding back to a service provider. */
    EDUCONNECT,
    /** A trivially healthy page: when it fails, the prober is at fault. */
    CONTROL
}
