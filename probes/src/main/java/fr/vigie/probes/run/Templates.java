package fr.vigie.probes.run;

import fr.vigie.config.Credentials;
import fr.vigie.probes.Outcome;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code {{vars.X}}}, {@code {{extracted.X}}}, {@code {{cookie.NAME}}}, {@code {{target.baseUrl}}}
 * and {@code {{credentials.username|password}}}. Credentials are expanded only where the caller allows them
 * (request bodies), so a password can never end up in a URL, a header or a log line.
 */
final class Templates {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\.([^}\\s]+)\\s*}}");

    private Templates() {
    }

    /** @param allowCredentials true only for request bodies */
    static String render(String template, JourneyState state, boolean allowCredentials) {
        if (template == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2), state, allowCredentials)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String scope, String name, JourneyState state, boolean allowCredentials) {
        String ref = "{{" + scope + "." + name + "}}";
        switch (scope) {
            case "vars" -> {
                String v = state.target().vars().get(name);
                if (v == null) {
                    throw missing(ref);
                }
                return v;
            }
            case "extracted" -> {
                String v = state.extracted().get(name);
                if (v == null) {
                    throw missing(ref);
                }
                return v;
            }
            case "cookie" -> {
                return state.cookie(name).orElseThrow(() -> missing(ref));
            }
            case "target" -> {
                if (name.equals("baseUrl")) {
                    return state.target().baseUrl();
                }
                if (name.equals("id")) {
                    return state.target().id();
                }
                throw missing(ref);
            }
            case "credentials" -> {
                if (!allowCredentials) {
                    throw new StepFailure(Outcome.ASSERTION_FAILED, ref + " is only allowed in a request body");
                }
                Credentials c = state.target().credentials()
                        .orElseThrow(() -> new StepFailure(Outcome.ASSERTION_FAILED, "target has no credentials"));
                if (name.equals("username")) {
                    return c.username().reveal();
                }
                if (name.equals("password")) {
                    return c.password().reveal();
                }
                throw missing(ref);
            }
            default -> throw missing(ref);
        }
    }

    private static StepFailure missing(String ref) {
        return new StepFailure(Outcome.ASSERTION_FAILED, "template variable " + ref + " has no value");
    }
}
