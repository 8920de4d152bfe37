package fr.vigie.subscriptions.webhook;

import fr.vigie.config.Cidr;
import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which callback URLs Vigie will call (SSRF safety): {@code https://} only, and every address the host resolves to
 * must be public, neither loopback, private, link-local, carrier-grade NAT, multicast, unspecified nor reserved, unless
 * it is in {@code subscriptions.webhooks.allow-networks} (tests, a receiver on this machine), where plain
 * {@code http://} is accepted too. Checked at registration, with a French refusal, and again at every connection by
 * {@link #dnsResolver()}, so a name re-pointed to a private address after registration (DNS rebinding) is refused
 * before any packet leaves. Redirects are never followed (the HTTP client has them off).
 */
public final class CallbackPolicy {
    static final int MAX_URL_LENGTH = 2000;
    /** what {@link InetAddress} does not already classify (loopback, site-local, link-local, multicast, any) */
    private static final List<Cidr> NOT_PUBLIC = List.of("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24",
                    "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "fc00::/7", "64:ff9b::/96",
                    "2001:db8::/32", "::/128").stream()
            .map(c -> Cidr.parse(c).orElseThrow()).toList();

    /** Name resolution, replaceable in tests (a name that resolves to a private address without touching DNS). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A callback accepted ({@code refusal} null) or refused, with why in French. */
    public record Verdict(URI uri, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    private final List<Cidr> allowed;
    private final Resolver resolver;

    public CallbackPolicy(List<Cidr> allowed, Resolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    public static CallbackPolicy system(List<Cidr> allowed) {
        return new CallbackPolicy(allowed, InetAddress::getAllByName);
    }

    /** Parses and checks a callback URL; resolves its host (never connects). */
    public Verdict check(String url) {
        if (url == null || url.isBlank()) {
            return refused("Indiquez l'adresse de rappel (callback) du webhook.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return refused("Cette adresse de rappel est trop longue (2 000 caractères au plus).");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return refused("Cette adresse de rappel n'est pas une URL valide.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getHost().isEmpty()) {
            return refused("L'adresse de rappel doit être une URL https:// complète (https://exemple.fr/chemin).");
        }
        if (uri.getRawUserInfo() != null) {
            return refused("L'adresse de rappel ne doit pas contenir d'identifiant ni de mot de passe.");
        }
        if (uri.getRawFragment() != null) {
            return refused("L'adresse de rappel ne doit pas contenir de fragment (#…).");
        }
        String host = host(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return refused("Le nom " + host + " de l'adresse de rappel ne se résout pas.");
        }
        boolean allAllowlisted = addresses.length > 0;
        for (InetAddress a : addresses) {
            String why = refusal(a);
            if (why != null) {
                return refused("L'adresse de rappel mène à " + a.getHostAddress() + ", " + why
                        + " : seules des adresses publiques sont acceptées.");
            }
            allAllowlisted &= allowlisted(a);
        }
        if (scheme.equals("http") && !allAllowlisted) {
            return refused("L'adresse de rappel doit utiliser https:// (http:// n'est accepté que pour les réseaux "
                    + "autorisés par la configuration).");
        }
        return new Verdict(uri, null);
    }

    /** Null when Vigie may connect to {@code a}; otherwise what kind of address it is, in French. */
    public String refusal(InetAddress a) {
        if (allowlisted(a)) {
            return null;
        }
        if (a.isLoopbackAddress()) return "une adresse de bouclage (loopback)";
        if (a.isAnyLocalAddress()) return "une adresse non spécifiée";
        if (a.isLinkLocalAddress()) return "une adresse locale au lien (link-local)";
        if (a.isSiteLocalAddress()) return "une adresse privée";
        if (a.isMulticastAddress()) return "une adresse de multidiffusion (multicast)";
        for (Cidr c : NOT_PUBLIC) {
            if (c.contains(a)) return "une adresse privée ou réservée (" + c + ")";
        }
        return null;
    }

    private boolean allowlisted(InetAddress a) {
        return allowed.stream().anyMatch(c -> c.contains(a));
    }

    /**
     * For the HTTP client: resolves as {@link #check} does and refuses, before any connection, a name that now
     * resolves to an address not allowed.
     */
    public DnsResolver dnsResolver() {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
                InetAddress[] all = resolver.resolve(bare);
                for (InetAddress a : all) {
                    if (refusal(a) != null) {
                        throw new UnknownHostException("callback host resolves to a refused address");
                    }
                }
                return all;
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                List<InetSocketAddress> out = new ArrayList<>();
                for (InetAddress a : resolve(host)) {
                    out.add(new InetSocketAddress(a, port));
                }
                return out;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    private static String host(URI uri) {
        String h = uri.getHost();
        return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    }

    private static Verdict refused(String why) {
        return new Verdict(null, why);
    }
}
