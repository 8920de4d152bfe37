package fr.vigie.statuspage.html;

import java.util.List;

/** The records templates read: plain, already worded and formatted, links relative to the language root. */
public final class Views {
    private Views() {
    }

    /** One service as listed on the home page and headed on its own page. */
    public record ServiceView(String id, String name, String href, String statusKey, String statusText,
                              String cause, List<String> evidence, String confidence, String lastCheck,
                              String academies, String kind, String search) {
    }

    /** A heading with its services (a region of ENTs, or CNED, or ÉduConnect). */
    public record Group(String title, List<Subgroup> subgroups) {
    }

    /** A region inside a group; title null when the group has no regions; feed: the region's feed folder or null. */
    public record Subgroup(String title, List<ServiceView> services, String feed) {
    }

    /** A link to a service. */
    public record Link(String text, String href) {
    }

    /** One incident update as shown in a timeline (oldest first). */
    public record UpdateView(String time, String iso, String state, String author, String text) {
    }

    /** An incident, summarised for lists or shown in full on its page. */
    public record IncidentView(String id, String name, String href, String stateKey, String stateText,
                               String impactKey, String impactText, boolean open, String start, String startIso,
                               String end, String duration,
                               String cause, List<String> evidence, List<Link> services, UpdateView latest,
                               List<UpdateView> updates, String advice) {
        /** The updates newest first, as feeds list them. */
        public List<UpdateView> newestFirst() {
            List<UpdateView> reversed = new java.util.ArrayList<>(updates);
            java.util.Collections.reverse(reversed);
            return reversed;
        }
    }

    /** The overall banner: status class, headline and detail line. */
    public record Banner(String statusKey, String title, String detail) {
    }

    /** "How much to trust this page". */
    public record Trust(String lastRound, int vantages, boolean impaired, boolean partial) {
    }

    /** Incidents opened in one month. */
    public record Month(String title, List<IncidentView> incidents) {
    }

    /** A declared maintenance window not yet over. */
    public record MaintenanceView(String description, String start, String end, String services) {
    }

    /** One response-time chart with its text alternative. */
    public record Chart(String title, String svg, String summary) {
    }

    /** Everything a service page shows. */
    public record ServicePage(ServiceView service, String historySvg, String historySummary,
                              List<DisruptedDay> disruptedDays, List<Chart> charts, List<IncidentView> current,
                              List<IncidentView> past) {
    }

    /** A day of the 90-day history that was not fully operational, for the text table. */
    public record DisruptedDay(String date, String uptime, String worst) {
    }

    /**
     * One probed service on the about page: only what an operator needs to recognise the probes (host, never
     * the full URL; journey and schedule in words; whether a test account is used, never the account).
     */
    public record ProbedTarget(String id, String name, String kind, String host, String journey, String steps,
                               String schedule) {
    }

    /**
     * The about page ("Comment Vigie mesure"), every sentence already worded from the configuration.
     *
     * @param contactUrl an http(s) contact other than the site's own pages, or null
     * @param publisher  what to do instead when there is no such contact
     * @param controls   the control targets' hosts in a sentence, or null when there are none
     */
    public record About(String vantage, String count, List<ProbedTarget> targets, String controls, String userAgent,
                        String rate, String backoff, String rounds, String slow, String contactUrl,
                        String publisher) {
    }

    /**
     * The vantages of a cluster, for the about page.
     *
     * @param partial fewer healthy vantages than the quorum: "confiance partielle"
     */
    public record Vantages(String summary, boolean partial, List<VantageRow> rows) {
    }

    /** One vantage: its id, whether it counts, why not, its last heartbeat and clock offset (or null). */
    public record VantageRow(String id, boolean healthy, String state, String heartbeat, String offset) {
    }
}
