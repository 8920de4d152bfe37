package fr.vigie.alerts.delivery;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.vigie.alerts.content.Alert;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.content.FrenchText;
import fr.vigie.alerts.content.ServiceRef;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.config.AlertsConfig;
import fr.vigie.config.Secret;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SMTP authentication against a real GreenMail server that knows one account. */
class EmailAuthTest {
    static final String PASSWORD = "mot-de-passe-smtp-8c1f";
    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("vigie@vigie.example", "vigie", PASSWORD));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    EmailNotifier notifier(String host, String user, String password) {
        var receiver = new AlertsConfig.Receiver("mail", "email", null,
                password == null ? null : Secret.of("env:SMTP_PASSWORD", password), null,
                host + ":" + smtp.getSmtp().getPort(), "vigie@vigie.example", List.of("cellule@education.example"), user);
        return new EmailNotifier(receiver, new FrenchText(ZoneId.of("Europe/Paris")), DeliverySettings.defaults());
    }

    static OutboxEntry entry() {
        Instant at = Instant.parse("2026-11-26T07:10:00Z");
        Alert alert = new Alert("k", AlertKind.OPENED, "inc", 1, "target:x", Status.MAJOR_OUTAGE, Cause.STORAGE,
                List.of(new ServiceRef("x", "ENT Grand Est")), List.of("No space left on device"), at, null, at,
                "https://v.example/incidents/inc/", null);
        return new OutboxEntry(1, "msg_0123456789abcdef0123456789abcdef", "mail", alert, at, 0,
                OutboxEntry.State.PENDING, null);
    }

    @Test
    void theRightAccountDelivers() {
        SendResult result = notifier("127.0.0.1", "vigie", PASSWORD).send(entry());
        assertThat(result).isInstanceOf(SendResult.Delivered.class);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aWrongPasswordIsRetriedNotLostAndTheErrorNeverShowsThePassword() {
        String wrong = "pas-le-bon-mot-de-passe-77";
        SendResult result = notifier("127.0.0.1", "vigie", wrong).send(entry());
        assertThat(result).isInstanceOf(SendResult.Retry.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(String.valueOf(result)).doesNotContain(wrong).doesNotContain(PASSWORD);
    }

    @Test
    void theAccountIsUsedOnlyWhenConfiguredAndStartTlsIsMandatoryOffThisMachine() {
        assertThat(notifier("127.0.0.1", null, null).sessionProperties().getProperty("mail.smtp.auth")).isNull();
        var local = notifier("127.0.0.1", "vigie", PASSWORD).sessionProperties();
        assertThat(local.getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(local.getProperty("mail.smtp.starttls.required")).as("loopback relay: nothing to cross").isNull();
        // only built, never connected: a remote relay must offer STARTTLS before the password is sent
        var remote = notifier("smtp.education.example", "vigie", PASSWORD).sessionProperties();
        assertThat(remote.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(remote.toString()).doesNotContain(PASSWORD);
    }
}
