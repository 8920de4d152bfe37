package fr.vigie.alerts.delivery;

import fr.vigie.alerts.content.FrenchText;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.config.Addresses;
import fr.vigie.config.AlertsConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.util.Date;
import java.util.Properties;

/**
 * E-mail over SMTP with Angus Mail: French plain text with an HTML alternative; the stable notification id is
 * the {@code Message-ID}, so mail clients and archives can de-duplicate.
 */
public final class EmailNotifier implements Notifier {
    private final AlertsConfig.Receiver receiver;
    private final FrenchText text;
    private final Session session;
    private final Redactor redactor;

    public EmailNotifier(AlertsConfig.Receiver receiver, FrenchText text, DeliverySettings settings) {
        if (receiver.smtp() == null || receiver.from() == null || receiver.to().isEmpty()) {
            throw new IllegalArgumentException("email receiver " + receiver.name() + " needs smtp, from and to");
        }
        this.receiver = receiver;
        this.text = text;
        this.redactor = new Redactor(receiver.url(), receiver.secret());
        String[] hostPort = receiver.smtp().split(":", 2);
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", hostPort[0]);
        p.setProperty("mail.smtp.port", hostPort.length > 1 ? hostPort[1] : "25");
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(settings.responseTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(settings.responseTimeout().toMillis()));
        // encrypt when the server offers it; a relay without STARTTLS still gets the alert
        p.setProperty("mail.smtp.starttls.enable", "true");
        this.session = authenticates(receiver) ? authenticatedSession(p, receiver, hostPort[0]) : Session.getInstance(p);
    }

    private static boolean authenticates(AlertsConfig.Receiver receiver) {
        return receiver.user() != null && !receiver.user().isEmpty()
                && receiver.secret() != null && !receiver.secret().isEmpty();
    }

    /**
     * SMTP AUTH with the receiver's account. The password never crosses the network in clear: STARTTLS becomes
     * mandatory, except towards a relay on this machine (loopback), where there is no network to cross.
     */
    private static Session authenticatedSession(Properties p, AlertsConfig.Receiver receiver, String host) {
        p.setProperty("mail.smtp.auth", "true");
        if (!Addresses.isLoopback(host)) {
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        String user = receiver.user();
        fr.vigie.config.Secret password = receiver.secret();
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password.reveal());
            }
        });
    }



    /** The SMTP session's settings, for tests: never holds the password. */
    Properties sessionProperties() {
        return session.getProperties();
    }

    @Override
    public SendResult send(OutboxEntry n) {
        try {
            Transport.send(message(n));
            return new SendResult.Delivered(250);
        } catch (SendFailedException e) {
            // every address refused: a configuration error, retrying cannot help
            return e.getValidSentAddresses() == null && e.getValidUnsentAddresses() == null
                    ? new SendResult.Rejected(redactor.describe(e)) : new SendResult.Retry(redactor.describe(e), null);
        } catch (MessagingException | RuntimeException e) {
            return new SendResult.Retry(redactor.describe(e), null);
        }
    }

    MimeMessage message(OutboxEntry n) throws MessagingException {
        String messageId = "<" + n.id() + "@vigie>";
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(receiver.from()));
        for (String to : receiver.to()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(text.subject(n.alert()), "UTF-8");
        m.setSentDate(Date.from(n.alert().at()));
        m.setHeader("X-Vigie-Notification-Id", n.id());
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text.plain(n.alert()), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html lang=\"fr\"><body>" + text.html(n.alert()) + "</body></html>", "text/html; charset=UTF-8");
        MimeMultipart alt = new MimeMultipart("alternative", plain, html);
        m.setContent(alt);
        return m;
    }
}
