package fr.vigie.app.system;

import fr.vigie.aggregator.AggregatorSections;
import fr.vigie.alerts.AlertSections;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.ProbeSections;
import fr.vigie.statuspage.SiteSections;
import fr.vigie.subscriptions.SubscriptionSections;

/**
 * Cuts the whole configuration into the sections each stage is given. Only the application (its wiring, its
 * commands) handles a {@link VigieConfig} as a whole; a stage takes the record of what it uses, so that its
 * signature says what it depends on (docs/architecture.md, checked by {@code ArchitectureTest}).
 */
public final class Sections {
    private Sections() {
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

    /** What the probes are made from ({@code probes}). */
    public static ProbeSections probes(VigieConfig config) {
        return new ProbeSections(config.site(), config.vantage(), config.probing(), config.storage(),
                config.schedules(), config.calendars(), config.schoolCalendar(), config.maintenance(),
                config.journeys(), config.targets());
    }

    /** What the aggregator is made from ({@code aggregator}). */
    public static AggregatorSections aggregator(VigieConfig config) {
        return new AggregatorSections(config.site(), config.storage(), config.targets(), config.journeys(),
                config.hostingGroups(), config.classifier(), config.probing(), config.calendars(),
                config.schoolCalendar(), config.maintenance());
    }
}
