/**
 * Deliberate quiet: silences set by the crisis cell through the admin API (who, why, until when, matchers)
 * and the configuration's maintenance windows. Both suppress notifications, never the public status.
 */
package fr.vigie.alerts.silence;
