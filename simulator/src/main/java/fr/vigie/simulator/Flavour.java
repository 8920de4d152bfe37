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
    CONTROL;

    /**
     * The flavour serving a journey template: open-ent-ng[-write], cas[-write], kosmos[-write], cned[-write],
     * educonnect, control and public-page (served by the control page).
     */
    public static Flavour forJourney(String template) {
        String t = template == null ? "" : template.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("open-ent-ng")) {
            return OPEN_ENT_NG;
        }
        if (t.startsWith("cas") || t.startsWith("kosmos")) {
            return CAS;
        }
        if (t.startsWith("cned")) {
            return CNED;
        }
        if (t.startsWith("educonnect")) {
            return EDUCONNECT;
        }
        if (t.equals("control") || t.equals("public-page")) {
            return CONTROL;
        }
        throw new IllegalArgumentException("no simulated flavour serves journey template '" + template + "'");
    }
}
