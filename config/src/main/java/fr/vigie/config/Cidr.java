package fr.vigie.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A network in CIDR notation ({@code 127.0.0.0/8}, {@code ::1/128}), written as numbers only: parsing never asks
 * DNS.
 */
public record Cidr(byte[] network, int prefix, String text) {
    private static final Pattern NUMERIC = Pattern.compile("[0-9a-fA-F:.]+");

    /** The network, or empty when {@code text} is not {@code address/prefix} with a numeric address. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (!NUMERIC.matcher(address).matches() || !(address.contains(".") || address.contains(":"))) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // numeric: no lookup
            int bits = bytes.length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(bytes, prefix, t));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
