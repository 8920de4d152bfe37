package fr.vigie.statuspage.model;

/**
 * How the probes introduce themselves, as the about page shows it. The statuspage module does not depend on
 * the probes module: this builds the header the same way as {@code fr.vigie.probes.run.RunnerSettings#userAgent}
 * (keep the two in step; {@code ProbeIdentityTest} pins the format).
 */
public final class ProbeIdentity {
    private ProbeIdentity() {
    }

    /** {@code "Vigie/0.1 (+https://contact)"}: the configured agent, then the contact URL unless already in it. */
    public static String userAgent(String base, String contactUrl) {
        String agent = base == null || base.isBlank() ? "Vigie" : base.trim();
        if (contactUrl == null || contactUrl.isBlank() || agent.contains(contactUrl)) {
            return agent;
        }
        return agent + " (+" + contactUrl + ")";
    }
}
