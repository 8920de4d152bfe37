package fr.vigie.alerts;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.alerts.content.FrenchText;
import fr.vigie.alerts.delivery.Delivery;
import fr.vigie.alerts.delivery.DeliveryClaims;
import fr.vigie.alerts.delivery.DeliverySettings;
import fr.vigie.alerts.outbox.Outbox;
import fr.vigie.alerts.silence.SilenceRegistry;
import fr.vigie.alerts.silence.SilenceStore;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The alerts module assembled: outbox and silences (one SQLite file), dispatcher and delivery. The app registers
 * {@link #listener()} with the aggregator and exposes {@link #silences()} on the admin API.
 */
public final class AlertService implements AutoCloseable {
    private final Outbox outbox;
    private final SilenceStore silenceStore;
    private final SilenceRegistry silences;
    private final AlertDispatcher dispatcher;
    private final Delivery delivery;

    private AlertService(AlertSections config, Path outboxFile, Clock clock, DeliverySettings settings,
                         DeliveryClaims claims) {
        this.outbox = Outbox.open(outboxFile);
        this.silenceStore = SilenceStore.open(outboxFile);
        this.silences = new SilenceRegistry(clock, silenceStore);
        Delivery[] late = new Delivery[1]; // the dispatcher and delivery call each other
        this.dispatcher = new AlertDispatcher(config, outbox, silences, clock, r -> late[0].wake(r));
        try {
            this.delivery = new Delivery(config.alertsOrNone(), outbox, new FrenchText(config.zone()), settings, clock,
                    dispatcher, claims);
        } catch (RuntimeException badReceiver) {
            dispatcher.close();
            silenceStore.close();
            outbox.close();
            throw badReceiver;
        }
        late[0] = delivery;
    }

    /** Starts with production delivery settings and sends whatever the outbox still holds. */
    public static AlertService start(AlertSections config, Path outboxFile, Clock clock) {
        return start(config, outboxFile, clock, DeliverySettings.defaults());
    }

    public static AlertService start(AlertSections config, Path outboxFile, Clock clock, DeliverySettings settings) {
        return start(config, outboxFile, clock, settings, DeliveryClaims.ALONE);
    }

    /** As above, delivering only while {@code claims} allow it (a controller of a cluster: docs/cluster.md). */
    public static AlertService start(AlertSections config, Path outboxFile, Clock clock, DeliverySettings settings,
                                     DeliveryClaims claims) {
        AlertService s = new AlertService(config, outboxFile, clock, settings, claims);
        s.delivery.resumePending();
        return s;
    }

    /** Sends what the outbox holds now that delivery is allowed (this controller just became the leader). */
    public void resumeDelivery() {
        delivery.resumePending();
    }

    /** Register this with the aggregator. */
    public AggregatorListener listener() {
        return dispatcher;
    }

    public AlertDispatcher dispatcher() {
        return dispatcher;
    }

    public SilenceRegistry silences() {
        return silences;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** True when the receiver answered 410 and was disabled. */
    public boolean disabled(String receiver) {
        return delivery.disabled(receiver);
    }

    /** Stops timers and deliveries; pending notifications stay in the outbox for the next start. */
    @Override
    public void close() {
        dispatcher.close();
        delivery.close();
        silenceStore.close();
        outbox.close();
    }
}
