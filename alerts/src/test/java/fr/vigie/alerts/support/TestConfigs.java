package fr.vigie.alerts.support;

import fr.vigie.alerts.AlertSections;
import fr.vigie.config.AlertsConfig;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.Site;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the configurations the tests need: four realistic targets and the given alerts section. */
public final class TestConfigs {
    public static final String BASE_URL = "https://statut.vigie.example";

    private TestConfigs() {
    }

    public static List<Target> targets() {
        return List.of(
                target("ent-idf", "Monlycée.net", TargetKind.ENT, "Île-de-France", List.of("Créteil", "Paris", "Versailles"), "ovh-gra"),
                target("ent-occ", "ENT Occitanie", TargetKind.ENT, "Occitanie", List.of("Montpellier", "Toulouse"), "ovh-gra"),
                target("cned", "Ma classe à la maison", TargetKind.CNED, null, List.of(), "cned-dc"),
                target("educonnect", "ÉduConnect", TargetKind.SSO, null, List.of(), "men-sso"));
    }

    static Target target(String id, String name, TargetKind kind, String region, List<String> academies, String hosting) {
        return new Target(id, name, kind, region, academies, null, "ODE", hosting, "http://127.0.0.1:1", "cas",
                Optional.empty(), "default", List.of(), Map.of());
    }

    public static AlertsConfig alerts(Map<String, AlertsConfig.Receiver> receivers, List<AlertsConfig.Route> routes,
                                      List<String> defaults) {
        return new AlertsConfig(receivers, routes, defaults, Duration.ofSeconds(30), Duration.ofHours(4),
                new AlertsConfig.AdminApi("127.0.0.1:0", null));
    }

    /** The sections the alerts are made from: the given alerts section, the four targets, the test site. */
    public static AlertSections config(AlertsConfig alerts) {
        return config(alerts, List.of());
    }

    public static AlertSections config(AlertsConfig alerts, List<MaintenanceWindow> maintenance) {
        Site site = new Site("Vigie", BASE_URL, Path.of("site"), List.of("fr"), ZoneId.of("Europe/Paris"),
                "127.0.0.1:0", "https://vigie.example/contact");
        return new AlertSections(alerts, site, targets(), maintenance);
    }

    public static AlertsConfig.Route route(List<String> receivers, boolean cont) {
        return new AlertsConfig.Route(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), receivers, cont);
    }
}
