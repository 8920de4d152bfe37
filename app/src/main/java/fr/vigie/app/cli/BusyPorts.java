package fr.vigie.app.cli;

import fr.vigie.app.admin.HostPort;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

/**
 * Names a listen address already taken, before starting, so that the operator reads one line naming the port
 * instead of a BindException (which names none) after half the system has started.
 */
final class BusyPorts {
    private BusyPorts() {
    }

    /** @param listens config key to {@code host:port}; null values are skipped */
    static Optional<String> firstBusy(Map<String, String> listens) {
        for (Map.Entry<String, String> e : listens.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            HostPort hp = HostPort.parse(e.getValue());
            if (hp.port() == 0) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(hp.host(), hp.port()));
            } catch (BindException busy) {
                return Optional.of("port " + hp.port() + " on " + hp.host() + " (" + e.getKey()
                        + ") is already in use: stop what listens there or change " + e.getKey());
            } catch (IOException other) {
                // not ours to judge here: the real bind reports it
            }
        }
        return Optional.empty();
    }

    /** The BindException in a failure's causes, if that is what it was. */
    static Optional<BindException> bindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException b) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
