package fr.vigie.probes.run;

import fr.vigie.config.Credentials;
import fr.vigie.config.Secret;

import java.util.Optional;

/** Last line of defence: masks a target's credential values in any text leaving the runner. */
public final class SecretScrubber {
    private static final String MASK = "******";
    private static final int MIN_LENGTH = 3;

    private final String username;
    private final String password;

    public SecretScrubber(Optional<Credentials> credentials) {
        this.username = credentials.map(Credentials::username).map(Secret::reveal).orElse(null);
        this.password = credentials.map(Credentials::password).map(Secret::reveal).orElse(null);
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        // Very short values would mask ordinary words; such accounts are rejected by every platform anyway.
        if (password != null && password.length() >= MIN_LENGTH) {
            out = out.replace(password, MASK);
        }
        if (username != null && username.length() >= MIN_LENGTH) {
            out = out.replace(username, MASK);
        }
        return out;
    }
}
