package fr.vigie.subscriptions.mail;

/**
 * One message to one subscriber, worded, with its links. The address is only here, for the time of the send.
 *
 * @param messageId   stable, from the notification and the subscriber, so a resend is recognisable
 * @param unsubscribe one-click unsubscribe URL (List-Unsubscribe, RFC 8058)
 */
public record Mailing(String messageId, String to, String subject, String plain, String html, String unsubscribe) {
    @Override
    public String toString() {
        return "Mailing[" + messageId + "]";
    }
}
