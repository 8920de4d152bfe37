package fr.vigie.statuspage.model;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Plain words for statuses, causes, incidents and their updates, in one language. */
public final class Words {
    private final Texts texts;
    private final PublicState state;

    public Words(Texts texts, PublicState state) {
        this.texts = texts;
        this.state = state;
    }

    public Texts texts() {
        return texts;
    }

    /** A status in words; null (an event that never set one) reads as unknown. */
    public String status(Status status) {
        return texts.get(status == null ? "status.unknown" : "status." + status.wire());
    }

    public String cause(Cause cause) {
        return texts.get("cause." + (cause == null ? Cause.UNKNOWN : cause).wire());
    }

    /** "cause probable : saturation (affluence)", or null when there is nothing to explain. */
    public String causeSentence(Cause cause) {
        if (cause == null || cause == Cause.NONE) {
            return null;
        }
        if (cause == Cause.UNKNOWN) {
            // Below the classifier's confidence bar nothing is named, not even as probable.
            return texts.get("cause.pending");
        }
        return texts.get("cause.label") + " " + cause(cause);
    }

    public String incidentStatus(String statuspageStatus) {
        return texts.get("incident." + statuspageStatus);
    }

    public List<String> evidence(List<Evidence> evidence) {
        // A sentence missing in this language falls back to French rather than disappearing.
        return evidence.stream().filter(java.util.Objects::nonNull)
                .map(e -> e.in(texts.language()) != null ? e.in(texts.language()) : e.fr())
                .filter(java.util.Objects::nonNull).toList();
    }

    /**
     * "Perturbation : Monlycée.net, ENT77 et 7 autre(s)". No cause in the name: the probable cause may change
     * while the incident stays the same, and a name that changes with it reads as a new incident in feed readers.
     */
    public String incidentName(Incident incident) {
        return texts.format("incident.name", serviceList(incident.targets()));
    }

    /** Up to three names, then a count of the others. */
    public String serviceList(List<String> targetIds) {
        List<String> names = targetIds.stream().map(state::nameOf).toList();
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return texts.format("incident.name.more", String.join(", ", names.subList(0, 2)), names.size() - 2);
    }

    /** The text of an update: the crisis cell's message, or a sentence describing the automatic event. */
    public String updateText(IncidentEvent event, Incident after) {
        // Automatic events carry a French summary for the log and alerts; the public reads the sentence of its
        // own language instead, so the English page and feed are in English.
        boolean human = event.type() == IncidentEvent.Type.HUMAN_UPDATE
                || (event.author() != null && !"vigie".equals(event.author()));
        if (human && event.message() != null && !event.message().isBlank()) {
            return event.message();
        }
        String key = "event." + event.type().name().toLowerCase(Locale.ROOT);
        String status = status(after.status());
        // The status sits inside a sentence here: "Incident ouvert : panne partielle".
        status = Character.toLowerCase(status.charAt(0)) + status.substring(1);
        String causeSentence = causeSentence(after.cause());
        return texts.format(key, status, cause(after.cause()),
                after.targets().stream().map(state::nameOf).collect(Collectors.joining(", ")),
                causeSentence == null ? texts.get("cause.pending") : causeSentence);
    }

    /** "Vigie (automatique)" or "Cellule de crise (name)". */
    public String author(IncidentEvent event) {
        if (event.author() == null || event.author().isBlank() || "vigie".equals(event.author())) {
            return texts.get("incident.author.vigie");
        }
        return texts.format("incident.author.human", event.author());
    }
}
