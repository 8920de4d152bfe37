package fr.vigie.statuspage.report;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Verdict;
import fr.vigie.statuspage.model.Words;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the data supports and what it does not, derived from the verdicts measured during the incident: the
 * probable cause with its best confidence, whether an attack signature was seen, the other hypotheses, and the
 * limits of measuring from outside. Never a certainty: "cause probable", and "not established" when unknown.
 */
final class ReportStatements {
    /** The classifier's bar for naming a cause (docs/classifier.md, PublicationBar): below it, "en cours d'analyse". */
    static final double PUBLICATION_BAR = 0.6;
    private static final Set<Cause> NOT_HYPOTHESES = EnumSet.of(Cause.NONE, Cause.UNKNOWN, Cause.VANTAGE,
            Cause.ATTACK, Cause.MAINTENANCE);

    record Statements(List<String> supported, List<String> notSupported, Double causeConfidence,
                      Double attackConfidence) {
    }

    private final ReportTexts texts;
    private final Words words;
    private final Locale locale;

    ReportStatements(ReportTexts texts, Words words, Locale locale) {
        this.texts = texts;
        this.words = words;
        this.locale = locale;
    }

    Statements of(ReportData data, int services, String worst, String duration, int vantages) {
        Incident incident = data.incident();
        List<Verdict> during = data.verdicts().values().stream().flatMap(List::stream)
                .filter(v -> incident.id().equals(v.incident()) || data.window().inFault(v.ts())).toList();
        Cause cause = incident.cause();
        List<String> supported = new java.util.ArrayList<>();
        List<String> notSupported = new java.util.ArrayList<>();
        Double causeConfidence = null;
        if (cause == null || cause == Cause.UNKNOWN || cause == Cause.NONE) {
            supported.add(texts.get("report.stmt.cause.unknown"));
        } else {
            OptionalDouble best = during.stream().filter(v -> v.cause() == cause).mapToDouble(Verdict::confidence)
                    .max();
            causeConfidence = best.isPresent() ? best.getAsDouble() : null;
            supported.add(best.isPresent()
                    ? texts.format("report.stmt.cause", words.cause(cause), confidence(best.getAsDouble()))
                    : texts.format("report.stmt.cause.noconf", words.cause(cause)));
        }
        supported.add(texts.format("report.stmt.scope", services, lower(worst), duration));
        // Attack signs count as measured only in a verdict that named a cause (at or above the publication bar);
        // an attack hypothesis the classifier held below it is said to have been considered, never measured.
        OptionalDouble attack = during.stream()
                .filter(v -> v.cause() == Cause.ATTACK || (v.causes().contains(Cause.ATTACK)
                        && v.cause() != Cause.UNKNOWN && v.confidence() >= PUBLICATION_BAR))
                .mapToDouble(Verdict::confidence).max();
        boolean considered = during.stream().anyMatch(v -> v.causes().contains(Cause.ATTACK));
        Double attackConfidence = null;
        if (attack.isPresent()) {
            attackConfidence = attack.getAsDouble();
            supported.add(texts.format("report.stmt.attack", confidence(attack.getAsDouble())));
        } else {
            supported.add(texts.get("report.stmt.no_attack"));
            if (considered) {
                supported.add(texts.get("report.stmt.attack_considered"));
            }
        }
        String others = during.stream().flatMap(v -> v.causes().stream())
                .filter(c -> c != cause && !NOT_HYPOTHESES.contains(c)).distinct().sorted()
                .map(words::cause).collect(Collectors.joining(", "));
        if (!others.isEmpty()) {
            supported.add(texts.format("report.stmt.others", others));
        }

        notSupported.add(texts.get("report.stmt.outside"));
        if (causeConfidence != null || (cause != null && cause != Cause.UNKNOWN && cause != Cause.NONE)) {
            notSupported.add(texts.get("report.stmt.not_confirmed"));
        }
        if (attack.isEmpty()) {
            notSupported.add(texts.get("report.stmt.attack_absence"));
        }
        if (vantages == 1) {
            notSupported.add(texts.get("report.stmt.one_vantage"));
        }
        if (data.results().values().stream().allMatch(List::isEmpty)) {
            notSupported.add(texts.get("report.stmt.no_data"));
        }
        return new Statements(supported, notSupported, causeConfidence, attackConfidence);
    }

    /** "0,78" in French, "0.78" in English. */
    String confidence(double value) {
        return String.format(locale, "%.2f", value);
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
