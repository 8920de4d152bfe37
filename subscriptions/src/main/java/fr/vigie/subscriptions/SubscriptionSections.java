package fr.vigie.subscriptions;

import fr.vigie.config.Site;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.Target;

import java.util.List;
import java.util.Optional;

/**
 * The sections of the configuration the public's subscriptions are made from, and nothing else: the
 * {@code subscriptions} section (endpoint, SMTP, pacing, webhooks), the site (title, base URL, time zone of the
 * messages) and the watched services (the topics one subscribes to). The application cuts them from the whole
 * configuration.
 *
 * @param subscriptions the {@code subscriptions} section, null when the public cannot subscribe
 */
public record SubscriptionSections(SubscriptionsConfig subscriptions, Site site, List<Target> targets) {
    public SubscriptionSections {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** The watched service of that id. */
    public Optional<Target> target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The subscriptions section, absent when the public cannot subscribe. */
    public Optional<SubscriptionsConfig> subscriptionSettings() {
        return Optional.ofNullable(subscriptions);
    }

    /** The same sections with another {@code subscriptions} section (tests point it at their servers). */
    public SubscriptionSections withSubscriptions(SubscriptionsConfig other) {
        return new SubscriptionSections(other, site, targets);
    }
}
