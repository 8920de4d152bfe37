package fr.vigie.subscriptions;

import fr.vigie.subscriptions.token.Tokens;

import java.time.Duration;
import java.time.Instant;

/** The endpoint's public URLs, each with its signed token. */
public final class Links {
    /** manage and unsubscribe links in a message stay valid this long */
    static final Duration MESSAGE_LINK_TTL = Duration.ofDays(400);
    private final String base;
    private final Tokens tokens;

    public Links(String publicUrl, Tokens tokens) {
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.tokens = tokens;
    }

    public String confirm(String subscription, Instant expiry) {
        return base + "/confirmer?jeton=" + tokens.issue(Tokens.Action.CONFIRM, subscription, expiry);
    }

    public String manage(String subscription, Instant now) {
        return base + "/gerer?jeton=" + tokens.issue(Tokens.Action.MANAGE, subscription, now.plus(MESSAGE_LINK_TTL));
    }

    public String unsubscribe(String subscription, Instant now) {
        return base + "/desabonner?jeton="
                + tokens.issue(Tokens.Action.UNSUBSCRIBE, subscription, now.plus(MESSAGE_LINK_TTL));
    }
}
