package fr.vigie.alerts.delivery;

/** Where delivery reports problems about Vigie's own alerting (implemented by the dispatcher). */
@FunctionalInterface
public interface InternalAlarm {
    /**
     * @param key           stable key: the same problem raised twice gives one notification per receiver
     * @param aboutReceiver the receiver concerned, kept out of the alert's own route (may be null)
     * @param message       French text, free of secrets
     */
    void raise(String key, String aboutReceiver, String message);
}
