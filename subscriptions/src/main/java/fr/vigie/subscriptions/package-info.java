/**
 * E-mail subscriptions of the public to a service, a region, an académie or everything: double opt-in endpoint,
 * subscriber store, batched mail through a durable outbox. API: {@link fr.vigie.subscriptions.SubscriptionService}.
 */
package fr.vigie.subscriptions;
