package fr.vigie.bench;

import fr.vigie.aggregator.AggregatorSections;
import fr.vigie.alerts.AlertSections;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.SiteSections;
import fr.vigie.subscriptions.SubscriptionSections;

/**
 * The benchmarks' cut of a whole configuration into each stage's section, as {@code fr.vigie.app.system.Sections}
 * cuts it in the product (bench does not depend on app). Each stage's record is built field by field from the
 * configuration's sections of the same name, so the compiler keeps the two cuts alike.
 */
public final class BenchSections {
    private BenchSections() {
    }

    /** What the public site is made from ({@code statuspage}). */
    public static SiteSections site(VigieConfig config) {
        return new SiteSections(config.site(), config.targets(), config.maintenance(), config.subscriptions(),
                config.vantage(), config.probing(), config.classifier(), config.schedules(), config.calendars(),
                config.journeys());
    }

    /** What the alerts are made from ({@code alerts}). */
    public static AlertSections alerts(VigieConfig config) {
        return new AlertSections(config.alerts(), config.site(), config.targets(), config.maintenance());
    }

    /** What the public's subscriptions are made from ({@code subscriptions}). */
    public static SubscriptionSections subscriptions(VigieConfig config) {
        return new SubscriptionSections(config.subscriptions(), config.site(), config.targets());
    }

    /** What the aggregator is made from ({@code aggregator}). */
    public static AggregatorSections aggregator(VigieConfig config) {
        return new AggregatorSections(config.site(), config.storage(), config.targets(), config.journeys(),
                config.hostingGroups(), config.classifier(), config.probing(), config.calendars(),
                config.schoolCalendar(), config.maintenance());
    }
}
