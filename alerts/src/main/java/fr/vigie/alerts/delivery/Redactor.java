package fr.vigie.alerts.delivery;

import fr.vigie.config.Secret;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Removes a receiver's secret values (URL, its path and query, token) from error texts before they are kept. */
public final class Redactor {
    private final List<String> secrets = new ArrayList<>();

    public Redactor(Secret... values) {
        for (Secret s : values) {
            if (s == null || s.isEmpty()) continue;
            String v = s.reveal();
            secrets.add(v);
            for (String part : v.split("\\s+")) {
                if (part.length() >= 4) secrets.add(part);
            }
            try {
                URI u = URI.create(v.trim());
                if (u.getRawPath() != null && u.getRawPath().length() > 1) secrets.add(u.getRawPath());
                if (u.getRawQuery() != null) secrets.add(u.getRawQuery());
            } catch (IllegalArgumentException notAUri) {
                // a token, not a URL: the whole value is already listed
            }
        }
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    public String clean(String text) {
        if (text == null) return null;
        String out = text;
        for (String s : secrets) out = out.replace(s, "******");
        return out;
    }

    /** Exception class and redacted message, never the cause chain (which may quote a URL). */
    public String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + clean(m));
    }
}
