package fr.vigie.config.load;

import fr.vigie.config.ClassifierConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Every default of the configuration, in one place (documented in docs/config.md). */
public final class Defaults {
    private Defaults() {
    }

    // site
    public static final String SITE_TITLE = "Vigie";
    public static final String SITE_BASE_URL = "http://127.0.0.1:8080";
    public static final Path SITE_OUTPUT = Path.of("var/site");
    public static final List<String> SITE_LANGUAGES = List.of("fr", "en");
    public static final ZoneId SITE_TIME_ZONE = ZoneId.of("Europe/Paris");
    public static final String SITE_LISTEN = "127.0.0.1:8080";
    /** Bound of each request to a site mirror ({@code site.mirrors[].timeout}). */
    public static final Duration SITE_MIRROR_TIMEOUT = Duration.ofSeconds(10);
    /** Path of the site's "À propos / Comment Vigie mesure" page, the default contact URL. */
    public static final String SITE_ABOUT_PATH = "/a-propos/";

    /** {@code site.contact-url} when absent or empty: the site's own about page, {@code <base-url>/a-propos/}. */
    public static String contactUrl(String baseUrl) {
        return baseUrl + SITE_ABOUT_PATH;
    }

    // storage
    public static final Path EMBEDDED_PATH = Path.of("var/vigie.db");
    public static final Path INFLUXDB_SPOOL = Path.of("var/spool");
    public static final String INFLUXDB_URL = "http://127.0.0.1:8086";
    public static final String INFLUXDB_DATABASE = "vigie";
    public static final Duration RETENTION = Duration.ofDays(30);

    // vantage
    public static final String VANTAGE_ID = "local";
    public static final String VANTAGE_LABEL = "Local";

    // probing
    public static final String USER_AGENT = "Vigie/0.1 (school services status probe)";
    public static final double MAX_REQUESTS_PER_SECOND = 5.0;
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);
    public static final long MAX_BODY_BYTES = 2L * 1024 * 1024;
    public static final int MAX_REDIRECTS = 10;
    public static final Duration LOGIN_BACKOFF = Duration.ofMinutes(30);

    // schedules and targets
    /** Name of the schedule a target without {@code schedule} uses; built in unless the config defines it. */
    public static final String SCHEDULE_NAME = "default";
    public static final Duration SCHEDULE_EVERY = Duration.ofMinutes(1);
    /** Accepted status codes when a step's expect says nothing: 200-399. */
    public static final int STATUS_FROM = 200;
    public static final int STATUS_TO = 399;
    public static final boolean FOLLOW_REDIRECTS = true;
    public static final boolean CALENDAR_PUBLIC_HOLIDAYS = true;
    /** {@code calendar.warn-days}: warn this long before the school-holiday data runs out. */
    public static final int CALENDAR_WARN_DAYS = 60;
    /** {@code calendar.special-days[].load-factor}: every pupil online at once (6 April 2021), or +30 %. */
    public static final double SPECIAL_DAY_FACTOR_DISTANCE_LEARNING = 2.0;
    public static final double SPECIAL_DAY_FACTOR_OTHER = 1.3;

    // classifier
    public static final ClassifierConfig CLASSIFIER = ClassifierConfig.defaults();

    // alerts
    public static final Duration GROUP_WAIT = Duration.ofSeconds(30);
    public static final Duration REPEAT_INTERVAL = Duration.ofHours(4);
    public static final String ADMIN_LISTEN = "127.0.0.1:8081";
    public static final Duration STALE_AFTER = fr.vigie.config.AlertsConfig.AdminApi.DEFAULT_STALE_AFTER;

    // cluster (only when the section is present)
    public static final String CLUSTER_NAME = "vigie";
    public static final String CLUSTER_LISTEN = "127.0.0.1:5701";
    public static final int CLUSTER_QUORUM = 2;
    public static final Duration CLUSTER_HEARTBEAT = Duration.ofSeconds(5);
    /** heartbeat-timeout when absent: three heartbeats missed */
    public static final int CLUSTER_MISSED_HEARTBEATS = 3;
    public static final Duration CLUSTER_MAX_CLOCK_DRIFT = Duration.ofSeconds(2);
}
