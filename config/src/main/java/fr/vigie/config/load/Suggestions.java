package fr.vigie.config.load;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints for misspelt keys and names (Levenshtein distance). */
final class Suggestions {
    private Suggestions() {
    }

    /** {@code " (did you mean 'x'?)"} when a candidate is close enough, else the empty string. */
    static String hint(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = wrong.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int tolerated = Math.max(2, wrong.length() / 3);
        return best != null && bestDistance <= tolerated ? " (did you mean '" + best + "'?)" : "";
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
