package fr.vigie.statuspage.html;

import java.util.Locale;

/** Safe path segments for ids used in URLs and folder names. */
public final class Paths {
    private Paths() {
    }

    /** Keeps letters, digits, '.', '_' and '-'; anything else (slashes, dots-only, spaces) becomes '-'. */
    public static String slug(String id) {
        String slug = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (slug.isEmpty() || slug.chars().allMatch(c -> c == '.')) {
            return "-" + slug.replace('.', '-');
        }
        return slug;
    }
}
