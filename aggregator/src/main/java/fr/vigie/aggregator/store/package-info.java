/**
 * Durable storage behind the {@link fr.vigie.aggregator.store.Store} contract: embedded SQLite
 * ({@link fr.vigie.aggregator.store.SqliteStore}, default) and InfluxDB 1.x
 * ({@link fr.vigie.aggregator.store.InfluxStore}) with a local disk spool.
 */
package fr.vigie.aggregator.store;
