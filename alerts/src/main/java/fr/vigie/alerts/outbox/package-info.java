/**
 * The durable outbox: every notification is written to a SQLite file (WAL) before it is sent and marked when
 * the receiver acknowledges it, so nothing is lost across a crash; stable ids make delivery at-least-once
 * and idempotent for receivers that de-duplicate.
 */
package fr.vigie.alerts.outbox;
