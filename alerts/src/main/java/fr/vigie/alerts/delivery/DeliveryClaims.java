package fr.vigie.alerts.delivery;

/**
 * Who may send, and what was already sent elsewhere: with two controllers, only the leader delivers, and a
 * notification one of them delivered is never sent again by the other (docs/cluster.md). A single process uses
 * {@link #ALONE}.
 */
public interface DeliveryClaims {
    /** One process: always delivers, nothing is delivered elsewhere. */
    DeliveryClaims ALONE = new DeliveryClaims() {
        @Override
        public boolean mayDeliver() {
            return true;
        }

        @Override
        public boolean deliveredElsewhere(String notificationId) {
            return false;
        }

        @Override
        public void delivered(String notificationId) {
        }
    };

    /** False while this node is not the leader: notifications wait in its outbox. */
    boolean mayDeliver();

    /** True when another node already delivered this notification (it is then marked delivered here, unsent). */
    boolean deliveredElsewhere(String notificationId);

    /** Records, for the other nodes, that this notification was delivered. */
    void delivered(String notificationId);
}
