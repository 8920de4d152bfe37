package fr.vigie.aggregator.store;

/** A store could not read or write; the message names the store and target, never a credential. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
