package fr.vigie.probes.run.tls;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Hands each new TLS engine to the hop that is opening a connection to the same peer.
 *
 * <p>A hop registers before it sends its request and leaves when the hop ends. The engine is created when the
 * connection is opened, with the peer's host (the SNI name or the address) and port; the oldest hop waiting for
 * that peer gets it. Hops to one peer only run side by side when two targets share a host and port, and they
 * open their connections in the order they asked, so first-come is the right match.
 */
public final class HandshakeWaitList {
    private final Map<String, Deque<HandshakeObserver>> waiting = new HashMap<>();

    /** {@code names}: every name the engine may be given for this peer (host name and IP literal). */
    public synchronized void expect(HandshakeObserver hop, int port, String... names) {
        for (String name : names) {
            if (name != null) {
                waiting.computeIfAbsent(key(name, port), k -> new ArrayDeque<>()).addLast(hop);
            }
        }
    }

    /** Removes the hop wherever it still waits (its connection failed before TLS, or it already got an engine). */
    public synchronized void forget(HandshakeObserver hop) {
        waiting.values().forEach(queue -> queue.removeIf(h -> h == hop));
        waiting.values().removeIf(Deque::isEmpty);
    }

    /** The observer for a new engine to {@code host:port}, or null when no hop waits for it. */
    synchronized HandshakeObserver claim(String host, int port) {
        if (host == null) {
            return null;
        }
        Deque<HandshakeObserver> queue = waiting.get(key(host, port));
        HandshakeObserver hop = queue == null ? null : queue.pollFirst();
        if (hop != null) {
            forget(hop);
        }
        return hop;
    }

    synchronized int size() {
        return waiting.values().stream().mapToInt(Deque::size).sum();
    }

    private static String key(String host, int port) {
        return Objects.requireNonNull(host).toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }
}
