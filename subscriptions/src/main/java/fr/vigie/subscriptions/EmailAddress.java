package fr.vigie.subscriptions;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A subscriber's address, checked and normalised; the reason of a refusal is a French sentence for the form. */
public final class EmailAddress {
    /** RFC 5321: 254 characters at most in a path */
    static final int MAX_LENGTH = 254;
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
            + "(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    private EmailAddress() {
    }

    /** The address in its stored form (domain in lower case), or empty when it is not a deliverable address. */
    public static Optional<String> normalise(String input) {
        return problem(input) == null ? Optional.of(lowerDomain(input.trim())) : Optional.empty();
    }

    /** Null when the address is acceptable; otherwise why not, in French. */
    public static String problem(String input) {
        if (input == null || input.isBlank()) {
            return "Indiquez une adresse électronique.";
        }
        String text = input.trim();
        if (text.length() > MAX_LENGTH) {
            return "Cette adresse est trop longue (254 caractères au plus).";
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@') != at) {
            return "Cette adresse n'est pas valide : elle doit avoir la forme nom@domaine.fr.";
        }
        if (!DOMAIN.matcher(text.substring(at + 1)).matches()) {
            return "Le domaine de cette adresse (après le @) n'est pas valide.";
        }
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            // A display name or a group would let one address hide another: only the bare address.
            if (parsed.getPersonal() != null || parsed.isGroup() || !parsed.getAddress().equals(text)) {
                return "Indiquez seulement l'adresse, sans nom ni autre adresse.";
            }
        } catch (AddressException e) {
            return "Cette adresse n'est pas valide : elle doit avoir la forme nom@domaine.fr.";
        }
        return null;
    }

    private static String lowerDomain(String address) {
        int at = address.lastIndexOf('@');
        return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
