package fr.vigie.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One small invalid file per validation rule (src/test/resources/invalid), each mapped to the one
 * error it must produce, with its YAML path and line.
 */
class InvalidConfigsTest {
    private static final Path FOLDER = Path.of("src/test/resources/invalid");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("bad-css-selector",
                        "journeys.mine.steps[0].expect.selector: bad CSS selector 'form[action': Did not find balanced marker at 'action' (line 7)"),
                Arguments.of("attr-without-css",
                        "journeys.mine.steps[0].extract.token.attr: 'attr' only applies with 'css' (line 8)"),
                Arguments.of("bad-admin-listen",
                        "alerts.admin.listen: bad port 99999 in '127.0.0.1:99999': expected 1-65535 (line 3)"),
                Arguments.of("bad-admin-stale-after",
                        "alerts.admin.stale-after: duration must be greater than zero, found '0s' (line 3)"),
                Arguments.of("bad-boolean",
                        "schedules.rush.only-school-days: expected true or false, found 'yes please' (line 4)"),
                Arguments.of("bad-calendar-zone",
                        "calendars.zone-d.zone: bad value 'D' (did you mean 'A'?): expected one of A, B, C (line 3)"),
                Arguments.of("bad-decimal",
                        "classifier.slow-factor: expected a number greater than 1.0, found 0.5 (line 2)"),
                Arguments.of("bad-excluded-date",
                        "calendars.zone-a.excluded-dates[0]: bad date '06/04/2021': expected YYYY-MM-DD (line 4)"),
                Arguments.of("bad-receiver-type",
                        "alerts.receivers.ops.type: bad value 'sms': expected one of webhook, slack, mattermost, matrix, email (line 3)"),
                Arguments.of("bad-smtp",
                        "alerts.receivers.mail.smtp: bad SMTP server 'smtp.example.fr': expected host:port (line 3)"),
                Arguments.of("bad-storage-type",
                        "storage.type: bad value 'postgres': expected one of embedded, influxdb (line 2)"),
                Arguments.of("cron-with-pipe",
                        "schedules.rush.cron: write several cron expressions as a YAML list, not with '|' (line 3)"),
                Arguments.of("duplicate-maintenance-id",
                        "maintenance[1].id: duplicate maintenance id 'upgrade' (first at maintenance[0]) (line 3)"),
                Arguments.of("duplicate-signature-id",
                        "probing.signatures[1].id: duplicate signature id 'queue' (line 4)"),
                Arguments.of("empty-steps",
                        "journeys.mine.steps: a journey needs at least one step (line 3)"),
                Arguments.of("malformed-reference",
                        "site.base-url: malformed secret reference: write ${NAME} or ${NAME:-default} as the whole value (line 2)"),
                Arguments.of("matrix-without-room",
                        "alerts.receivers.tchap.room: a matrix receiver needs 'room' (line 3)"),
                Arguments.of("max-redirects-out-of-range",
                        "probing.max-redirects: expected a whole number between 0 and 50, found 500 (line 2)"),
                Arguments.of("no-languages",
                        "site.languages: at least one language is needed (fr, en) (line 2)"),
                Arguments.of("not-a-mapping-root",
                        "(top level): expected a mapping (key: value lines), found a list (line 1)"),
                Arguments.of("regex-without-group",
                        "journeys.mine.steps[0].extract.token.regex: the regex needs a capturing group: its first group is extracted (line 8)"),
                Arguments.of("route-without-receivers",
                        "alerts.routes[0].receivers: a route needs 'receivers' (line 3)"),
                Arguments.of("unknown-default-receiver",
                        "alerts.default-receivers: unknown receiver 'ops' (none defined) (line 2)"),
                Arguments.of("unknown-maintenance-hosting-group",
                        "maintenance[0].targets[0]: unknown hosting group 'ovh' (none defined) (line 2)"),
                Arguments.of("unknown-route-kind",
                        "alerts.routes[0].match.kinds: unknown value 'lycee' for kinds: expected one of ent, cned, sso, control (line 5)"),
                Arguments.of("unknown-step-kind",
                        "journeys.mine.steps[0].kind: bad value 'pages' (did you mean 'page'?): expected one of static, page, login, api, write (line 5)"),
                Arguments.of("bad-cron",
                        "schedules.rush.cron: bad cron expression '0 0 25 * * ?': Hour values must be between 0 and 23 (Quartz syntax: sec min hour day-of-month month day-of-week, e.g. '0 */2 * ? * *') (line 3)"),
                Arguments.of("bad-date-time",
                        "maintenance[0].start: bad date-time 'tomorrow': expected 2021-04-06T07:00 (site time zone) or with an offset (line 3)"),
                Arguments.of("bad-duration",
                        "schedules.often.every: bad duration '30 sec': write a number and a unit (500ms, 30s, 2m, 1h, 7d) or ISO-8601 (PT30S) (line 3)"),
                Arguments.of("bad-enum",
                        "targets[0].kind: bad value 'lycee': expected one of ent, cned, sso, control (line 3)"),
                Arguments.of("bad-holiday-zone",
                        "targets[0].holiday-zone: bad value 'D' (did you mean 'A'?): expected one of A, B, C (line 6)"),
                Arguments.of("bad-id",
                        "targets[0].id: bad id 'ENT IDF': use lower-case letters, digits and dashes (ent-idf) (line 2)"),
                Arguments.of("bad-json-pointer",
                        "journeys.mine.steps[0].expect.json-pointer.type: bad JSON pointer 'type': it starts with '/' (line 7)"),
                Arguments.of("bad-language",
                        "site.languages: bad language 'de': expected one of fr, en (line 2)"),
                Arguments.of("bad-listen",
                        "site.listen: bad listen address 'localhost': expected host:port (127.0.0.1:8080) (line 2)"),
                Arguments.of("bad-receiver-url-hides-value",
                        "alerts.receivers.chat.url: bad URL: expected an absolute http:// or https:// URL (value not shown) (line 5)"),
                Arguments.of("bad-regex",
                        "probing.signatures[0].pattern: bad regular expression: Unclosed group (line 3)"),
                Arguments.of("bad-route-cause",
                        "alerts.routes[0].match.causes: unknown value 'ddos' for causes: expected one of none, saturation, attack, storage, network, application, maintenance, vantage, unknown (line 5)"),
                Arguments.of("bad-signature-category",
                        "probing.signatures[0].category: bad value 'saturated' (did you mean 'saturation'?): expected one of storage, saturation, attack, maintenance, gateway, application (line 3)"),
                Arguments.of("bad-status",
                        "journeys.mine.steps[0].expect.status: bad status '99': expected a code (302), a range (200-399) or a list of them (line 7)"),
                Arguments.of("bad-time-zone",
                        "site.time-zone: unknown time zone 'Europe/Pari' (did you mean 'Europe/Paris'?) (line 2)"),
                Arguments.of("bad-url",
                        "targets[0].base-url: bad URL 'ftp://127.0.0.1/ent': expected http:// or https:// (line 4)"),
                Arguments.of("credentials-without-needs-login",
                        "journeys.mine.steps[0]: step uses {{credentials.username}} but is not marked needs-login: true (line 4)"),
                Arguments.of("cron-and-every",
                        "schedules.both: a schedule needs exactly one of 'cron' or 'every' (line 2)"),
                Arguments.of("duplicate-step-name",
                        "journeys.mine.steps[1].name: duplicate step name 'home' in journey 'mine' (first at journeys.mine.steps[0]) (line 7)"),
                Arguments.of("duplicate-target-id",
                        "targets[1].id: duplicate target id 'ent-test' (first at targets[0]) (line 6)"),
                Arguments.of("duplicate-yaml-key",
                        "site.title: duplicate key 'title' (first at line 2) (line 3)"),
                Arguments.of("extract-two-ways",
                        "journeys.mine.steps[0].extract.token: an extract needs exactly one of css, regex or json-pointer (line 8)"),
                Arguments.of("extracted-before-defined",
                        "journeys.mine.steps[0]: {{extracted.next}} is not extracted by an earlier step (line 4)"),
                Arguments.of("form-and-json",
                        "journeys.mine.steps[0].post: a post has either 'form' or 'json', not both (line 6)"),
                Arguments.of("bad-dns-server",
                        "probing.dns-servers[1]: bad DNS server 'dns.example.fr': expected an IP address with an optional port (127.0.0.1:53, [::1]:53) (line 2)"),
                Arguments.of("bad-dns-server-port",
                        "probing.dns-servers[0]: bad port 70000 in DNS server '127.0.0.1:70000': expected 1-65535 (line 3)"),
                Arguments.of("credentials-in-url",
                        "journeys.leaky.steps[0]: {{credentials.username}} may only be used in a request body (form, json or submit-form fields), never in a URL or a header (line 4)"),
                Arguments.of("email-user-without-password",
                        "alerts.receivers.ops.secret: an email receiver with a 'user' needs its SMTP password in 'secret' (line 3)"),
                Arguments.of("email-password-without-user",
                        "alerts.receivers.ops.user: an email receiver with a 'secret' (SMTP password) needs its account in 'user' (line 3)"),
                Arguments.of("literal-probe-password",
                        "targets[0].credentials.password: a probe password must come from an environment variable (${NAME}) or a file (file:/path), never from the config file itself (value not shown) (line 8)"),
                Arguments.of("default-probe-password",
                        "targets[0].credentials.password: a probe password must come from an environment variable (${NAME}) or a file (file:/path), never from the config file itself (value not shown) (line 8)"),
                Arguments.of("half-credentials",
                        "targets[0].credentials: credentials need both username and password (use ${VAR:-} to leave them unset) (line 6)"),
                Arguments.of("influxdb-account-in-url",
                        "storage.url: put the InfluxDB account in 'username' and 'password', not in the URL (value not shown) (line 3)"),
                Arguments.of("influxdb-key-on-embedded",
                        "storage.url: 'url' only applies to type: influxdb (line 3)"),
                Arguments.of("maintenance-end-before-start",
                        "maintenance[0].end: end must be after start (line 4)"),
                Arguments.of("missing-journey-var",
                        "targets[0].vars: journey 'cas' uses {{vars.service}}: set vars.service (line 2)"),
                Arguments.of("missing-required-key",
                        "targets[0].journey: missing required key 'journey' (line 2)"),
                Arguments.of("missing-variable",
                        "site.title: environment variable 'VIGIE_NOT_SET' is not set (write ${VIGIE_NOT_SET:-} to make it optional) (line 2)"),
                Arguments.of("no-targets",
                        "targets: at least one target is needed (line 1)"),
                Arguments.of("not-yaml",
                        "(top level): YAML syntax error at column 8: the list opened with '[' on line 1, column 7 is not closed: expected ',' or ']' (line 2)"),
                Arguments.of("bad-indentation",
                        "(top level): YAML syntax error at column 2: this line's indentation does not match the keys above it (the block starts on line 1, column 1): indent it like its siblings, with spaces (line 3)"),
                Arguments.of("unclosed-quote",
                        "(top level): YAML syntax error at column 1: the quoted text opened on line 2, column 10 is never closed: expected its closing quote (line 8)"),
                Arguments.of("alias-bomb",
                        "f[1]: the aliases and merge keys expand the document past 200000 values: refused, as an alias bomb would be (anchors nested in anchors multiply) (line 6)"),
                Arguments.of("never-firing-cron",
                        "schedules.unused.cron: cron expression '0 0 8 30 2 ?' never fires: no date from now on matches it (line 3)"),
                Arguments.of("receiver-without-url",
                        "alerts.receivers.ops.url: a webhook receiver needs 'url' (line 3)"),
                Arguments.of("webhook-without-secret",
                        "alerts.receivers.ops.secret: a webhook receiver needs a signing secret 'whsec_<base64>' (line 3)"),
                Arguments.of("webhook-secret-not-whsec",
                        "alerts.receivers.ops.secret: a webhook signing secret must start with 'whsec_' (value not shown) (line 6)"),
                Arguments.of("step-with-two-actions",
                        "journeys.mine.steps[0]: a step needs exactly one action: get, post or submit-form (found get, post) (line 4)"),
                Arguments.of("step-without-action",
                        "journeys.mine.steps[0]: a step needs exactly one action: get, post or submit-form (found none) (line 4)"),
                Arguments.of("target-not-a-mapping",
                        "targets[0]: expected a mapping (key: value lines), found a text value (line 2)"),
                Arguments.of("unknown-alias",
                        "targets[0].<<: unknown alias '*common': define '&common' before (line 2)"),
                Arguments.of("unknown-calendar",
                        "schedules.rush.calendar: unknown calendar 'zone-d' (did you mean 'zone-c'?) (known: zone-c) (line 6)"),
                Arguments.of("unknown-journey",
                        "targets[0].journey: unknown journey 'cas-login' (known: cas, cas-write, cned, cned-write, control, educonnect, kosmos, kosmos-write, oidc, open-ent-ng, open-ent-ng-write, public-page, saml-broker) (line 5)"),
                Arguments.of("unknown-key-with-hint",
                        "targets[0].vendr: unknown key 'vendr' (did you mean 'vendor'?); allowed here: academies, base-url, credentials, holiday-zone, hosting-group, id, journey, kind, name, region, schedule, tags, vars, vendor (line 6)"),
                Arguments.of("unknown-maintenance-target",
                        "maintenance[0].targets[0]: unknown target 'ent-tset' (did you mean 'ent-test'?) (write a target id or hosting:<group>) (line 3)"),
                Arguments.of("unknown-receiver",
                        "alerts.routes[0].receivers: unknown receiver 'opps' (did you mean 'ops'?) (known: ops) (line 6)"),
                Arguments.of("unknown-route-region",
                        "alerts.routes[0].match.regions: unknown value 'Ile-de-France' for regions (did you mean 'Île-de-France'?): expected one of Île-de-France (line 5)"),
                Arguments.of("unknown-schedule",
                        "targets[0].schedule: unknown schedule 'rush' (known: default) (line 6)"),
                Arguments.of("unknown-template-variable",
                        "journeys.mine.steps[0]: unknown template variable '{{var.page}}': use vars.NAME, extracted.NAME, cookie.NAME, credentials.username, credentials.password or target.baseUrl (line 4)"),
                Arguments.of("unknown-top-level-key",
                        "schedule: unknown key 'schedule' (did you mean 'schedules'?); allowed here: alerts, calendar, calendars, classifier, cluster, forecast, hosting-groups, journeys, maintenance, probing, schedules, site, storage, subscriptions, targets, vantage (line 1)"),
                Arguments.of("unreadable-secret-file",
                        "targets[0].credentials.password: cannot read secret file '/nonexistent/vigie-password' (NoSuchFileException) (line 8)"),
                Arguments.of("wrong-type-mapping",
                        "site: expected a mapping (key: value lines), found a list (line 1)"),
                Arguments.of("wrong-type-number",
                        "probing.max-redirects: expected a whole number, found 'many' (line 2)"),
                Arguments.of("zero-duration",
                        "probing.step-timeout: duration must be greater than zero, found '0s' (line 2)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleReportsExactlyItsError(String file, String expected) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of()).load(FOLDER.resolve(file + ".yaml")));

        assertThat(e).as("%s must be rejected", file).isNotNull();
        assertThat(e.errors()).extracting(ConfigError::toString).containsExactly(expected);
        assertThat(e.getMessage()).contains(expected);
    }

    @Test
    void everyInvalidFileHasItsExpectedMessage() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".yaml", "")))
                    .containsExactlyInAnyOrderElementsOf(rules().map(a -> (String) a.get()[0]).toList());
        }
    }

    @Test
    void aValidBaseOfTheInvalidFilesLoads() throws ConfigException {
        String base = """
                targets:
                  - id: ent-test
                    kind: ent
                    base-url: http://127.0.0.1:18101
                    journey: public-page
                """;
        VigieConfig config = new ConfigLoader(Map.of()).loadText(base, Path.of("."));
        assertThat(config.targets()).hasSize(1);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).loadText("", Path.of(".")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("empty configuration");
    }

    @Test
    void anEmptyFileSaysSoWithoutAStrayColon() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of()).loadText("\n# nothing here\n", Path.of(".")));
        assertThat(e.errors()).extracting(ConfigError::toString)
                .containsExactly("empty configuration: at least 'targets' is needed");
    }

    @Test
    void moreThanAThousandAliasesAreRefusedAtTheFirstOneTooMany() {
        StringBuilder yaml = new StringBuilder("shared: &t [x]\njunk:\n");
        for (int i = 0; i < 1_001; i++) {
            yaml.append("  - *t\n");
        }
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of()).loadText(yaml.toString(), Path.of(".")));
        assertThat(e.errors()).extracting(ConfigError::toString).containsExactly("junk[1000]: more than 1000 aliases"
                + " ('*name'): refused, as an alias bomb would be; share fewer blocks or write them out (line 1003)");
    }
}
