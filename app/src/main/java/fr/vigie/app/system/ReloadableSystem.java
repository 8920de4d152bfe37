package fr.vigie.app.system;

import fr.vigie.app.admin.AdminApi;
import fr.vigie.app.ops.VigieMetrics;
import fr.vigie.config.ConfigError;
import fr.vigie.config.ConfigException;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code vigie run} with reload: the configuration file is read again on SIGHUP or {@code POST /api/reload}. A file
 * with errors is refused with every error and the running system goes on untouched; a valid one replaces it: the
 * running system stops gracefully (journeys finish, store and outbox flushed), the new one starts. Should the new
 * one fail to start (a port taken), the previous configuration is started again.
 */
public final class ReloadableSystem implements AdminApi.Reloader, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadableSystem.class);

    private final Vertx vertx;
    private final Path file;
    private final Supplier<Map<String, String>> env;
    private final Optional<Path> record;
    private final VigieMetrics metrics = new VigieMetrics();
    private VigieConfig config;
    private VigieSystem system;
    private boolean closed;

    private ReloadableSystem(Vertx vertx, Path file, Supplier<Map<String, String>> env, Optional<Path> record) {
        this.vertx = vertx;
        this.file = file;
        this.env = env;
        this.record = record;
    }

    public static ReloadableSystem start(Vertx vertx, VigieConfig config, Path file,
                                         Supplier<Map<String, String>> env, Optional<Path> record) throws Exception {
        ReloadableSystem r = new ReloadableSystem(vertx, file, env, record);
        r.config = config;
        r.system = r.startSystem(config);
        return r;
    }

    private VigieSystem startSystem(VigieConfig c) throws Exception {
        return VigieSystem.start(vertx, c, record, Clock.systemUTC(), metrics, this);
    }

    /** Validates the file; the returned {@code apply} swaps it in (call it off the event loop's critical path). */
    @Override
    public Prepared prepare() {
        List<String> errors = validate();
        if (!errors.isEmpty()) {
            LOG.error("reload refused, {} error(s) in {}; the running configuration stays:", errors.size(), file);
            errors.forEach(e -> LOG.error("  {}", e));
            return new Prepared(errors, () -> { });
        }
        VigieConfig next = pending;
        return new Prepared(List.of(), () -> new Thread(() -> swap(next), "vigie-reload").start());
    }

    private VigieConfig pending;

    private synchronized List<String> validate() {
        pending = null;
        if (!Files.isRegularFile(file)) {
            return List.of(file + ": configuration file not found");
        }
        try {
            pending = new ConfigLoader(env.get()).load(file);
            return List.of();
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        } catch (RuntimeException e) {
            return List.of(file + ": " + e.getMessage());
        }
    }

    /** Reloads now, on the calling thread (SIGHUP); returns the errors, empty when the new file runs. */
    public List<String> reloadNow() {
        Prepared p = prepare();
        if (p.errors().isEmpty()) {
            swap(pending);
        }
        return p.errors();
    }

    private synchronized void swap(VigieConfig next) {
        if (closed || next == null) {
            return;
        }
        LOG.info("reloading {}: stopping the running system", file);
        system.close();
        try {
            system = startSystem(next);
            config = next;
            LOG.info("reloaded {}: {} targets", file, next.targets().size());
        } catch (Exception e) {
            LOG.error("the new configuration could not start ({}); starting the previous one again", e.toString());
            try {
                system = startSystem(config);
            } catch (Exception again) {
                LOG.error("the previous configuration could not start again either: {}; exiting", again.toString());
                System.exit(1);
            }
        }
    }

    /** The running system (tests). */
    public synchronized VigieSystem current() {
        return system;
    }

    @Override
    public synchronized void close() {
        closed = true;
        system.close();
    }
}
