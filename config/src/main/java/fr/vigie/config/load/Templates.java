package fr.vigie.config.load;

import fr.vigie.config.Journey;
import fr.vigie.config.Step;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{...}}} template variables of step strings: which exist, and which a journey uses. */
public final class Templates {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern ALLOWED = Pattern.compile(
            "vars\\.[A-Za-z0-9_-]+|extracted\\.[A-Za-z0-9_-]+|cookie\\.[A-Za-z0-9_.-]+"
                    + "|credentials\\.(username|password)|target\\.baseUrl");

    private Templates() {
    }

    /** The variable references in a string, e.g. {@code vars.service}. */
    public static List<String> references(String text) {
        List<String> refs = new ArrayList<>();
        if (text == null) {
            return refs;
        }
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    static boolean isKnown(String reference) {
        return ALLOWED.matcher(reference).matches();
    }

    /** Every string of a step that may hold template variables. */
    static List<String> strings(Step step) {
        List<String> strings = new ArrayList<>();
        strings.add(step.get());
        strings.addAll(step.headers().values());
        if (step.post() != null) {
            strings.add(step.post().url());
            strings.add(step.post().json());
            if (step.post().form() != null) {
                strings.addAll(step.post().form().values());
            }
        }
        if (step.submitForm() != null) {
            strings.addAll(step.submitForm().fields().values());
        }
        return strings;
    }

    /** Names X of the {@code {{vars.X}}} a journey uses: each target running it must define them. */
    public static Set<String> varsUsed(Journey journey) {
        Set<String> vars = new LinkedHashSet<>();
        for (Step step : journey.steps()) {
            for (String s : strings(step)) {
                for (String ref : references(s)) {
                    if (ref.startsWith("vars.")) {
                        vars.add(ref.substring("vars.".length()));
                    }
                }
            }
        }
        return vars;
    }
}
