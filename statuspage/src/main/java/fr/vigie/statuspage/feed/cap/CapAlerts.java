package fr.vigie.statuspage.feed.cap;

import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.config.Target;
import fr.vigie.statuspage.html.ViewFactory;
import fr.vigie.statuspage.html.Views;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.model.PublicUpdates;
import fr.vigie.statuspage.model.Texts;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One CAP 1.2 alert per public update of every public incident, in French. The updates are the ones the page
 * and the feeds show ({@link PublicUpdates}), so a crisis cell reads the same timeline as the public.
 * Identifiers are built from the incident id and the log sequence of the update, so they never change between
 * regenerations; each alert after the first references the previous update of the same incident.
 */
public final class CapAlerts {
    /** "2021-04-06T08:02:00+02:00": CAP wants an explicit offset, never "Z". */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    /** Where the national services (CNED, ÉduConnect) are used: they have no region. */
    static final String NATIONAL_AREA = "France entière";
    /** CAP's {@code event}: the kind of thing that happens, the same for every alert of this feed. */
    static final String EVENT = "Perturbation d'un service numérique éducatif";

    private final PublicState state;
    private final ViewFactory views;
    private final String siteUrl;
    private final String sender;

    public CapAlerts(PublicState state) {
        this.state = state;
        this.views = new ViewFactory(state, Texts.of("fr"));
        String base = state.config().site().baseUrl();
        this.siteUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String host = URI.create(siteUrl + "/").getHost();
        this.sender = "vigie@" + (host == null ? "vigie.invalid" : host);
    }

    public String sender() {
        return sender;
    }

    /** Every alert of every public incident, newest incident first, each incident's updates oldest first. */
    public List<CapAlert> all() {
        List<CapAlert> alerts = new ArrayList<>();
        for (Incident incident : state.incidents()) {
            alerts.addAll(of(incident));
        }
        return alerts;
    }

    /** The alerts of one incident, oldest first. */
    public List<CapAlert> of(Incident incident) {
        List<CapAlert> alerts = new ArrayList<>();
        CapAlert previous = null;
        for (int index : PublicUpdates.indexes(incident)) {
            IncidentEvent event = incident.updates().get(index);
            Incident after = Incident.fold(incident.scope(), incident.updates().subList(0, index + 1));
            CapAlert alert = alert(incident, event, after, previous);
            alerts.add(alert);
            previous = alert;
        }
        return alerts;
    }

    private CapAlert alert(Incident incident, IncidentEvent event, Incident after, CapAlert previous) {
        Views.IncidentView view = views.incident(after);
        Views.UpdateView update = view.latest();
        boolean resolved = !after.open();
        String sent = CAP_TIME.format(event.ts().truncatedTo(ChronoUnit.SECONDS).atZone(state.config().site().timeZone()));
        String identifier = identifier(incident.id(), event.seq());
        String references = previous == null ? null
                : String.join(",", sender, previous.identifier(), previous.sent());
        StringBuilder description = new StringBuilder(update.text());
        if (view.cause() != null && !resolved) {
            description.append("\n").append(capitalised(view.cause())).append('.');
        }
        for (String evidence : view.evidence()) {
            description.append("\n- ").append(evidence);
        }
        String headline = view.name() + " – " + update.state();
        return new CapAlert(identifier, sender, sent, previous == null ? "Alert" : "Update", references,
                incident.id(), resolved ? "AllClear" : "Monitor", resolved ? "Past" : "Immediate",
                resolved ? "Minor" : severity(after.status()), EVENT, headline, description.toString(),
                capitalised(view.advice()), siteUrl + "/" + view.href(), state.config().site().title(),
                areas(after), after.status() == null ? "unknown" : after.status().wire(),
                after.cause() == null ? "unknown" : after.cause().wire(),
                "cap/" + ViewFactory.incidentHref(incident.id()) + event.seq() + ".xml", event.ts());
    }

    /** A public incident's outage is a nuisance, not a danger to life: never above Moderate. */
    private static String severity(Status status) {
        if (status == null) {
            return "Unknown";
        }
        return switch (status) {
            case MAJOR_OUTAGE, PARTIAL_OUTAGE -> "Moderate";
            default -> "Minor";
        };
    }

    /** The regions of the affected ENTs, in configuration order; national services add "France entière". */
    private List<String> areas(Incident incident) {
        Set<String> areas = new LinkedHashSet<>();
        for (Target target : state.services()) {
            if (incident.targets().contains(target.id())) {
                areas.add(Optional.ofNullable(target.region()).orElse(NATIONAL_AREA));
            }
        }
        if (areas.isEmpty()) {
            areas.add(NATIONAL_AREA);
        }
        return List.copyOf(areas);
    }

    /** CAP forbids spaces, commas, "<" and "&" in identifiers: anything outside a safe set becomes "-". */
    static String identifier(String incidentId, long seq) {
        return "vigie-" + incidentId.replaceAll("[^A-Za-z0-9._:-]", "-") + "-" + seq;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * One CAP alert, worded and formatted.
     *
     * @param path    where the alert sits in the site ("cap/incidents/&lt;id&gt;/&lt;seq&gt;.xml")
     * @param sentAt  the update's instant, for the index feed
     */
    public record CapAlert(String identifier, String sender, String sent, String msgType, String references,
                           String incident, String responseType, String urgency, String severity, String event,
                           String headline, String description, String instruction, String web,
                           String senderName, List<String> areas, String status, String cause, String path,
                           Instant sentAt) {
    }
}
