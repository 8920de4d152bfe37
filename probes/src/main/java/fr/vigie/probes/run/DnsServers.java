package fr.vigie.probes.run;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.dns.DnsException;
import io.netty.resolver.dns.DnsErrorCauseException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the configured DNS servers directly (Vert.x DNS client, no cache): every probe pays, and measures, a
 * real query, as a parent's browser does when its cache is cold. Servers are tried in order; the next one is
 * asked only when a server fails or stays silent, never after an authoritative "no such name".
 */
final class DnsServers {
    private final List<DnsClient> clients = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** @param servers {@code ip} or {@code ip:port}, IPv6 in brackets, as validated by the config loader */
    DnsServers(Vertx vertx, List<String> servers, long queryTimeoutMs) {
        for (String server : servers) {
            // "1.2.3.4", "1.2.3.4:53", "[::1]" or "[::1]:53"
            boolean v6 = server.startsWith("[");
            int hostEnd = v6 ? server.indexOf(']') : server.contains(":") ? server.indexOf(':') : server.length();
            String host = server.substring(v6 ? 1 : 0, hostEnd);
            String rest = server.substring(v6 ? hostEnd + 1 : hostEnd);
            int port = rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : 53;
            clients.add(vertx.createDnsClient(new DnsClientOptions().setHost(host).setPort(port)
                    .setQueryTimeout(queryTimeoutMs).setRecursionDesired(true)));
            names.add(server);
        }
    }

    /** The first address of {@code host} (A record, else AAAA), failing with {@link UnknownHostException}. */
    Future<InetAddress> resolve(String host) {
        return ask(host, 0, null);
    }

    private Future<InetAddress> ask(String host, int index, Throwable previous) {
        if (index >= clients.size()) {
            return Future.failedFuture(previous);
        }
        DnsClient client = clients.get(index);
        return client.lookup4(host)
                .compose(ip -> ip != null ? Future.succeededFuture(ip) : client.lookup6(host))
                .compose(ip -> ip != null ? Future.succeededFuture(address(host, ip))
                        : Future.failedFuture(new UnknownHostException(host + ": no address record")))
                .recover(error -> {
                    String code = responseCode(error);
                    if ("NXDOMAIN".equals(code)) {
                        return Future.failedFuture(new UnknownHostException(host + ": no such name (NXDOMAIN from "
                                + names.get(index) + ")"));
                    }
                    if (code == null && error instanceof UnknownHostException
                            && String.valueOf(error.getMessage()).endsWith("no address record")) {
                        return Future.failedFuture(error);
                    }
                    UnknownHostException failed = new UnknownHostException(host + ": DNS server " + names.get(index)
                            + " failed: " + describe(error));
                    return ask(host, index + 1, failed);
                });
    }

    private static InetAddress address(String host, String ip) {
        try {
            return InetAddress.getByAddress(host, InetAddress.getByName(ip).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("DNS answer is not an address: " + ip, e);
        }
    }

    /** The DNS response code behind a failure (NXDOMAIN, SERVFAIL...), or null if there was no answer. */
    private static String responseCode(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof DnsException dns) {
                return dns.code().name();
            }
            if (c instanceof DnsErrorCauseException netty) {
                return switch (netty.getCode().intValue()) {
                    case 1 -> "FORMERR";
                    case 2 -> "SERVFAIL";
                    case 3 -> "NXDOMAIN";
                    case 5 -> "REFUSED";
                    default -> "RCODE " + netty.getCode().intValue();
                };
            }
        }
        return null;
    }

    private static String describe(Throwable error) {
        String code = responseCode(error);
        if (code != null) {
            return code;
        }
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }

    Future<Void> close() {
        return Future.all(clients.stream().map(DnsClient::close).toList()).mapEmpty();
    }
}
