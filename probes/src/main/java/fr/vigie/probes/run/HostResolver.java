package fr.vigie.probes.run;

import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves a target's host name before connecting, so that DNS time is measured on its own.
 * IP literals are not resolved (no DNS phase). Names reserved by RFC 6761 are answered locally and never
 * leave the machine: {@code *.invalid} fails at once, {@code localhost} and {@code *.localhost} are 127.0.0.1.
 * An optional static table (like a hosts file) is consulted next. Any other name goes to the configured DNS
 * servers ({@code probing.dns-servers}, asked afresh every time, see {@link DnsServers}) or, when none is
 * configured, to the JDK resolver (/etc/hosts, then the system's DNS servers) on a worker thread; the JDK
 * caches answers ({@code networkaddress.cache.ttl}), so a repeated name then costs close to 0 ms.
 */
public final class HostResolver {
    /** @param dnsMs time spent resolving, null when nothing was resolved (IP literal) */
    public record Resolution(InetAddress address, Double dnsMs) {
    }

    private final Vertx vertx;
    private final Map<String, String> hosts;
    private final DnsServers dnsServers;

    /**
     * @param hosts      static name -> IP literal table consulted before any DNS
     * @param dnsServers DNS servers to ask ({@code ip[:port]}); empty: the system's resolver
     * @param queryTimeoutMs bound of one query to one DNS server
     */
    public HostResolver(Vertx vertx, Map<String, String> hosts, List<String> dnsServers, long queryTimeoutMs) {
        this.vertx = vertx;
        this.hosts = Map.copyOf(hosts);
        this.dnsServers = dnsServers.isEmpty() ? null : new DnsServers(vertx, dnsServers, queryTimeoutMs);
    }

    public Future<Void> close() {
        return dnsServers == null ? Future.succeededFuture() : dnsServers.close();
    }

    public Future<Resolution> resolve(String hostName) {
        String host = hostName.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
                return Future.succeededFuture(new Resolution(InetAddress.getByName(host), null));
            }
            long start = System.nanoTime();
            if (host.equals("invalid") || host.endsWith(".invalid")) {
                return Future.failedFuture(new UnknownHostException(host + " (reserved name, RFC 6761)"));
            }
            if (host.equals("localhost") || host.endsWith(".localhost")) {
                return Future.succeededFuture(new Resolution(InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1}),
                        Millis.since(start)));
            }
            String fixed = hosts.get(host);
            if (fixed != null) {
                InetAddress literal = InetAddress.getByName(fixed);
                return Future.succeededFuture(new Resolution(InetAddress.getByAddress(host, literal.getAddress()),
                        Millis.since(start)));
            }
            String name = host;
            Future<InetAddress> lookup = dnsServers != null ? dnsServers.resolve(name)
                    : vertx.executeBlocking(() -> InetAddress.getByName(name), false);
            return lookup.map(address -> new Resolution(address, Millis.since(start)));
        } catch (UnknownHostException e) {
            return Future.failedFuture(e);
        }
    }
}
