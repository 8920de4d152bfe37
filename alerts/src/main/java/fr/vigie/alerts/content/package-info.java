/**
 * What an alert says: the {@link fr.vigie.alerts.content.Alert} record kept in the outbox, its JSON form,
 * and its French wording for humans.
 */
package fr.vigie.alerts.content;
