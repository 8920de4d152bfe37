/**
 * Which receivers hear of an incident: the incident's labels (kind, region, académie, hosting group, cause,
 * status) looked up from the configured targets, and the configured routes evaluated in order.
 */
package fr.vigie.alerts.routing;
