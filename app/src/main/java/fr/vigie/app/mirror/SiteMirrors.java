package fr.vigie.app.mirror;

import fr.vigie.config.SiteMirror;
import fr.vigie.config.VigieConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * Every mirror of {@code site.mirrors}, told after each regeneration of the site ({@link #siteChanged()}, from the
 * regenerator's thread; never blocks). Only the node that regenerates the site calls it: the single process, or
 * the cluster's leader.
 */
public final class SiteMirrors implements AutoCloseable {
    private final List<MirrorPusher> pushers;

    /** Told of each push's outcome (the metrics); called on the mirror's thread. */
    public interface Listener {
        /** Files sent and deleted by one push (also a push cut short by a failure). */
        void pushed(String mirror, int uploaded, int deleted);

        /** A push failed; it is retried after a back-off. */
        void failed(String mirror);
    }

    private SiteMirrors(List<MirrorPusher> pushers) {
        this.pushers = pushers;
    }

    public static SiteMirrors start(VigieConfig config, Listener listener) {
        return start(config.site().mirrors(), config.site().output(), config.storage().dataFolder(),
                MirrorPusher.Settings.DEFAULTS, listener);
    }

    static SiteMirrors start(List<SiteMirror> mirrors, Path siteOutput, Path dataFolder,
                             MirrorPusher.Settings settings, Listener listener) {
        return new SiteMirrors(mirrors.stream()
                .map(m -> new MirrorPusher(m, siteOutput, dataFolder, settings, listener)).toList());
    }

    /** A new generation is published: every mirror is brought in step, each on its own thread. */
    public void siteChanged() {
        pushers.forEach(MirrorPusher::request);
    }

    /** How many mirrors failed their last push (a gauge). */
    public long failing() {
        return pushers.stream().filter(MirrorPusher::isFailing).count();
    }

    public boolean isEmpty() {
        return pushers.isEmpty();
    }

    List<MirrorPusher> pushers() {
        return pushers;
    }

    @Override
    public void close() {
        pushers.forEach(MirrorPusher::close);
    }
}
