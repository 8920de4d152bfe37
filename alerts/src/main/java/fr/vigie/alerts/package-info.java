/** Notifications to the crisis cell: routing, grouping, inhibition, silences, signed and durable delivery. */
package fr.vigie.alerts;
