/**
 * Sending notifications: one channel per receiver with its own thread and FIFO over the outbox, retries with
 * exponential back-off, jitter and {@code Retry-After}, and one notifier per receiver type (signed webhook,
 * Slack, Mattermost, Matrix/Tchap, e-mail). HTTP goes through Apache HttpClient 5, apart from the probes.
 */
package fr.vigie.alerts.delivery;
