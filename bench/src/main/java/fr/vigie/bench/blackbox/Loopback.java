package fr.vigie.bench.blackbox;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Benchmarks load this machine only: a URL that does not resolve to loopback is refused before any packet. */
final class Loopback {
    private Loopback() {
    }

    static void require(String url) {
        try {
            String host = URI.create(url).getHost();
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException("not a loopback address: " + url);
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + url, e);
        }
    }
}
