package fr.vigie.subscriptions.mail;

import fr.vigie.config.Addresses;
import fr.vigie.config.SubscriptionsConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends batches of messages over one SMTP connection (Angus Mail), French plain text with an HTML alternative,
 * with the one-click unsubscribe headers of RFC 2369 and RFC 8058.
 */
public final class SmtpSender {
    private final Session session;
    private final InternetAddress from;

    public SmtpSender(SubscriptionsConfig config) {
        String[] hostPort = config.smtp().split(":", 2);
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", hostPort[0]);
        p.setProperty("mail.smtp.port", hostPort[1]);
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "20000");
        p.setProperty("mail.smtp.writetimeout", "20000");
        p.setProperty("mail.smtp.starttls.enable", "true");
        // EHLO names the site's host: without it, Angus Mail asks the resolver for this machine's name at every
        // connection, which can stall for seconds where the name has no DNS entry
        String site = java.net.URI.create(config.publicUrl()).getHost();
        p.setProperty("mail.smtp.localhost", site == null ? "localhost" : site);
        if (config.user() != null) {
            p.setProperty("mail.smtp.auth", "true");
            if (!Addresses.isLoopback(hostPort[0])) {
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            String user = config.user();
            fr.vigie.config.Secret password = config.password();
            this.session = Session.getInstance(p, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password.reveal());
                }
            });
        } else {
            this.session = Session.getInstance(p);
        }
        try {
            this.from = new InternetAddress(config.from());
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("subscriptions.from is not an address", e);
        }
    }

    /** What became of a batch: the messages the relay refused for good (bad address), the others were sent. */
    public record BatchResult(List<Mailing> refused) {
    }

    /**
     * Sends every message of the batch over one connection.
     *
     * @throws MessagingException when the relay cannot be reached or fails mid-batch: the caller retries later
     *                            the messages not marked sent
     */
    public BatchResult send(List<Mailing> batch) throws MessagingException {
        List<Mailing> refused = new ArrayList<>();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (Mailing mailing : batch) {
                MimeMessage message = message(mailing);
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (SendFailedException e) {
                    // this address is refused (unknown mailbox): retrying cannot help, the others go on
                    refused.add(mailing);
                }
            }
        }
        return new BatchResult(refused);
    }

    MimeMessage message(Mailing mailing) throws MessagingException {
        String messageId = "<" + mailing.messageId() + "@vigie>";
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(from);
        m.addRecipient(Message.RecipientType.TO, new InternetAddress(mailing.to()));
        m.setSubject(mailing.subject(), "UTF-8");
        m.setSentDate(new Date());
        m.setHeader("Auto-Submitted", "auto-generated");
        if (mailing.unsubscribe() != null) {
            m.setHeader("List-Unsubscribe", "<" + mailing.unsubscribe() + ">");
            m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(mailing.plain(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>" + mailing.html()
                + "</body></html>", "text/html; charset=UTF-8");
        m.setContent(new MimeMultipart("alternative", plain, html));
        return m;
    }
}
