package fr.vigie.statuspage.html;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.Journey;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.ScheduleConfig;
import fr.vigie.config.Site;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.Vantage;
import fr.vigie.statuspage.SiteSections;
import fr.vigie.statuspage.model.ProbeIdentity;
import fr.vigie.statuspage.model.ScheduleWords;
import fr.vigie.statuspage.model.Texts;

import java.net.URI;
import java.text.Collator;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The "À propos / Comment Vigie mesure" page, for operators, journalists and parents: what Vigie probes, from
 * where, how often, how it introduces itself, how it limits its load and how statuses are decided, all from the
 * configuration. Only public facts leave the configuration: hosts, not URLs; whether a test account is used,
 * never the account; nothing from credentials, vars, storage or alerts.
 */
public final class AboutPage {
    /** Folder of the page under each language root, as {@code accessibilite/}. */
    public static final String PATH = "a-propos/";

    private final SiteSections config;
    private final Texts texts;
    private final ScheduleWords schedules;
    private final Collator collator = Collator.getInstance(Locale.FRENCH);

    public AboutPage(SiteSections config, Texts texts) {
        this.config = config;
        this.texts = texts;
        this.schedules = new ScheduleWords(texts);
    }

    public Views.About view() {
        Site site = config.site();
        ProbingConfig probing = config.probing();
        ClassifierConfig classifier = config.classifier() == null ? ClassifierConfig.defaults() : config.classifier();
        Vantage vantage = config.vantage();
        List<Views.ProbedTarget> targets = config.targets().stream().filter(t -> t.kind() != TargetKind.CONTROL)
                .sorted(Comparator.comparingInt((Target t) -> t.kind() == null ? 99 : t.kind().ordinal())
                        .thenComparing(Target::name, collator::compare).thenComparing(Target::id))
                .map(this::target).toList();
        List<String> controlHosts = config.targets().stream().filter(t -> t.kind() == TargetKind.CONTROL)
                .map(t -> host(t.baseUrl())).filter(Objects::nonNull).distinct().sorted().toList();
        String contact = site.contactUrl();
        boolean external = isHttp(contact) && !isOwnPage(contact, site.baseUrl(), site.languages());
        return new Views.About(
                vantage == null ? null : texts.format("about.vantage.text", vantage.label(), vantage.id()),
                texts.format("about.targets.count", targets.size()),
                targets,
                controlHosts.isEmpty() ? null : texts.format("about.targets.controls", String.join(", ", controlHosts)),
                ProbeIdentity.userAgent(probing.userAgent(), contact),
                texts.format("about.load.text", plural("about.load.rate", probing.maxRequestsPerSecond(),
                        number(probing.maxRequestsPerSecond()))),
                texts.format("about.accounts.backoff", schedules.amount(probing.loginBackoff())),
                texts.format("about.status.rounds", plural("about.rounds", classifier.openAfterRounds(),
                        classifier.openAfterRounds()), plural("about.rounds", classifier.closeAfterRounds(),
                        classifier.closeAfterRounds())),
                texts.format("about.status.slow", number(classifier.slowFactor())),
                external ? contact : null,
                external ? null : texts.format("about.contact.publisher", site.title()));
    }

    private Views.ProbedTarget target(Target target) {
        ScheduleConfig schedule = config.schedules().get(target.schedule());
        CalendarConfig calendar = schedule == null || schedule.calendar() == null ? null
                : config.calendars().get(schedule.calendar());
        String host = host(target.baseUrl());
        return new Views.ProbedTarget(target.id(), target.name(),
                target.kind() == null ? null : texts.get("service.kind." + target.kind().name().toLowerCase(Locale.ROOT)),
                host == null ? "—" : host, target.journey(), steps(target),
                schedules.describe(schedule, calendar, target.holidayZone()));
    }

    /** "7 étapes, avec connexion d'un compte de test, dont 1 qui écrit avec ce compte". */
    private String steps(Target target) {
        Journey journey = config.journeys().get(target.journey());
        if (journey == null) {
            return null;
        }
        boolean account = target.credentials().isPresent();
        boolean loginSteps = journey.steps().stream().anyMatch(Step::needsLogin);
        List<Step> run = journey.steps().stream().filter(s -> account || !s.needsLogin()).toList();
        long writes = run.stream().filter(s -> s.kind() == StepKind.WRITE).count();
        List<String> words = new ArrayList<>();
        words.add(plural("about.steps", run.size(), run.size()));
        words.add(texts.get(!loginSteps ? "about.steps.public" : account ? "about.steps.login" : "about.steps.no_account"));
        if (writes > 0) {
            words.add(plural("about.steps.writes", writes, writes));
        }
        return String.join(", ", words);
    }

    /**
     * Whether {@code contactUrl} is one of the site's own pages (the about page in any language, or the home
     * page): then it gives no contact of its own and the page says to write to the publisher instead.
     */
    public static boolean isOwnPage(String contactUrl, String baseUrl, List<String> languages) {
        if (contactUrl == null || baseUrl == null) {
            return false;
        }
        String contact = withoutSlash(contactUrl.trim());
        String base = withoutSlash(baseUrl.trim());
        if (contact.equals(base) || contact.equals(base + "/" + withoutSlash(PATH))) {
            return true;
        }
        return languages != null && languages.stream()
                .anyMatch(l -> contact.equals(base + "/" + l) || contact.equals(base + "/" + l + "/" + withoutSlash(PATH)));
    }

    /** Only http(s) URLs become links: a configured value never turns into a script URL. */
    public static boolean isHttp(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    /** The host of a base URL, nothing else (no user info, port, path or query), or null. */
    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null || host.isBlank() ? null : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** "5", "0,5" (French), "0.5" (English). */
    private String number(double value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(texts.locale())).format(value);
    }

    /** {@code key.one} or {@code key.many} with the number: French singular below 2, English for exactly 1. */
    private String plural(String key, double count, Object shown) {
        boolean one = "fr".equals(texts.language()) ? count < 2 : count == 1;
        return texts.format(key + (one ? ".one" : ".many"), shown);
    }
}
