package fr.vigie.subscriptions;

import fr.vigie.subscriptions.token.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed tokens: bound to one action, one subscription and an expiry; anything altered is refused. */
class TokensTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final Tokens tokens = new Tokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenNamesItsSubscriptionForItsActionOnly() {
        String token = tokens.issue(Tokens.Action.CONFIRM, "abc", NOW.plusSeconds(60));
        assertThat(tokens.verify(Tokens.Action.CONFIRM, token)).contains("abc");
        assertThat(tokens.verify(Tokens.Action.UNSUBSCRIBE, token)).isEmpty();
        assertThat(tokens.verify(Tokens.Action.UNSUBSCRIBE, token.replaceFirst("^confirm", "unsubscribe"))).isEmpty();
    }

    @Test
    void expiredAlteredOrForeignTokensAreRefused() {
        assertThat(tokens.verify(Tokens.Action.MANAGE, tokens.issue(Tokens.Action.MANAGE, "abc", NOW.minusSeconds(1))))
                .isEmpty();
        String token = tokens.issue(Tokens.Action.MANAGE, "abc", NOW.plusSeconds(60));
        assertThat(tokens.verify(Tokens.Action.MANAGE, token.replace(".abc.", ".abd."))).isEmpty();
        String[] parts = token.split("\\.");
        String later = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3];
        assertThat(tokens.verify(Tokens.Action.MANAGE, later)).isEmpty();
        Tokens other = new Tokens("another-key-0123456789abcdef012345".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(other.verify(Tokens.Action.MANAGE, token)).isEmpty();
        assertThat(tokens.verify(Tokens.Action.MANAGE, null)).isEmpty();
        assertThat(tokens.verify(Tokens.Action.MANAGE, "manage.abc.x.y")).isEmpty();
        assertThat(tokens.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void addressesAreCheckedWithAReasonInFrench() {
        assertThat(EmailAddress.problem("parent@exemple.fr")).isNull();
        assertThat(EmailAddress.normalise(" Parent@EXEMPLE.fr ")).contains("Parent@exemple.fr");
        assertThat(EmailAddress.problem("")).isEqualTo("Indiquez une adresse électronique.");
        assertThat(EmailAddress.problem("a@b")).startsWith("Le domaine de cette adresse");
        assertThat(EmailAddress.problem("a@@exemple.fr")).startsWith("Cette adresse n'est pas valide");
        assertThat(EmailAddress.problem("x".repeat(250) + "@exemple.fr")).startsWith("Cette adresse est trop longue");
        assertThat(EmailAddress.problem("a@exemple.fr\r\nBcc: b@exemple.fr")).isNotNull();
    }
}
