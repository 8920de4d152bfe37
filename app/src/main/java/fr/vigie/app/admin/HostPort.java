package fr.vigie.app.admin;

/** A {@code host:port} listen address ("127.0.0.1:8081", "[::1]:8081"). */
public record HostPort(String host, int port) {
    public static HostPort parse(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("listen address must be host:port, got '" + listen + "'");
        }
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new HostPort(host, Integer.parseInt(listen.substring(colon + 1)));
    }
}
