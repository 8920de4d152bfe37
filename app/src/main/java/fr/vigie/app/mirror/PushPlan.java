package fr.vigie.app.mirror;

import java.util.Comparator;
import java.util.List;

/**
 * What one push sends: the files whose hash differs from what the mirror was last given, ordered so that a reader
 * of the mirror never follows a link to a file not there yet (styles, scripts, images, feeds and JSON first, then
 * the pages, deepest first, the home page last), then the files gone from the site, deleted once no new page links
 * them. At most {@code maxFiles} operations: the rest waits for the next push, which follows at once.
 */
record PushPlan(List<String> uploads, List<String> deletes, boolean complete) {
    static PushPlan of(LocalSite site, PushedState state, int maxFiles) {
        List<String> changed = site.hashes().entrySet().stream()
                .filter(f -> !f.getValue().equals(state.hash(f.getKey())))
                .map(java.util.Map.Entry::getKey)
                .sorted(ORDER)
                .toList();
        List<String> gone = state.paths().stream().filter(p -> !site.hashes().containsKey(p)).sorted().toList();
        if (changed.size() >= maxFiles) {
            return new PushPlan(changed.subList(0, maxFiles), List.of(), changed.size() == maxFiles && gone.isEmpty());
        }
        int room = maxFiles - changed.size();
        return new PushPlan(changed, gone.subList(0, Math.min(room, gone.size())), gone.size() <= room);
    }

    boolean isEmpty() {
        return uploads.isEmpty() && deletes.isEmpty();
    }

    /** Assets, then pages deepest first, then the home page. */
    static final Comparator<String> ORDER = Comparator.comparingInt(PushPlan::rank)
            .thenComparing(Comparator.comparingInt(PushPlan::depth).reversed())
            .thenComparing(Comparator.naturalOrder());

    private static int rank(String path) {
        String plain = path.endsWith(".gz") ? path.substring(0, path.length() - 3) : path;
        if (plain.equals("index.html")) {
            return 2;
        }
        return plain.endsWith(".html") ? 1 : 0;
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
