package fr.vigie.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** SIGHUP for reload, through the JDK's {@code sun.misc.Signal} (jdk.unsupported, kept for exactly this use). */
final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    static void onHangup(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), sig -> {
                Thread reload = new Thread(() -> {
                    LOG.info("SIGHUP: reloading the configuration");
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        LOG.warn("SIGHUP reload not done: {}", e.toString());
                    }
                }, "vigie-sighup");
                reload.setDaemon(true);
                reload.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("SIGHUP reload unavailable here ({}); use POST /api/reload", e.getMessage());
        }
    }
}
