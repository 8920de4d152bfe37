package fr.vigie.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {
    private static final String TARGET = """
            targets:
              - id: ent-test
                kind: ent
                base-url: http://127.0.0.1:18101
                journey: public-page
            """;

    @TempDir
    Path folder;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(folder.resolve(name), yaml);
    }

    @Test
    void fiveDifferentMistakesAreAllReportedWithPathsAndLines() throws IOException {
        Path file = write("five.yaml", """
                site:
                  time-zone: Europe/Pariss
                schedules:
                  rush:
                    cron: "0 0 7-10 * * MON-FRI"
                targets:
                  - id: ent-idf
                    kind: ent
                    base-url: http://127.0.0.1:18101
                    journey: open-ent-ng
                    schedule: rush
                  - id: ent-idf
                    kind: ent
                    base-url: http://127.0.0.1:18102
                    journey: cas-login
                    hostng-group: ovh
                """);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));

        assertThat(e.errors()).extracting(ConfigError::path).containsExactly("site.time-zone", "schedules.rush.cron",
                "targets[1].id", "targets[1].journey", "targets[1].hostng-group");
        assertThat(e.errors()).extracting(ConfigError::line).containsExactly(2, 5, 12, 15, 16);
        assertThat(e.errors().get(1).message()).contains("bad cron expression");
        assertThat(e.errors().get(2).message()).contains("duplicate target id 'ent-idf'");
        assertThat(e.errors().get(3).message()).contains("unknown journey 'cas-login'");
        assertThat(e.errors().get(4).message()).contains("did you mean 'hosting-group'?");
        assertThat(e.getMessage()).startsWith("5 configuration error(s)")
                .contains("targets[1].journey: unknown journey 'cas-login'").contains("(line 15)");
    }

    @Test
    void aMissingSecretNamesTheKeyAndTheVariable() throws IOException {
        Path file = write("secret.yaml", TARGET.replace("journey: public-page", """
                journey: open-ent-ng
                    credentials:
                      username: sonde
                      password: ${ENT_TEST_PASSWORD}"""));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("targets[0].credentials.password");
            assertThat(error.message()).contains("'ENT_TEST_PASSWORD' is not set");
            assertThat(error.line()).isEqualTo(8);
        });
    }

    @Test
    void secretsComeFromVariablesDefaultsAndFiles() throws IOException, ConfigException {
        Files.writeString(folder.resolve("password.txt"), "from-the-file\n");
        Path file = write("secrets.yaml", """
                site:
                  title: ${SITE_TITLE:-Vigie défaut}
                  base-url: ${SITE_URL}
                storage:
                  type: influxdb
                  username: ${INFLUX_USER:-}
                  password: file:password.txt
                """ + TARGET.replace("journey: public-page", """
                journey: open-ent-ng
                    credentials:
                      username: ${ENT_USER}
                      password: file:%s""".formatted(folder.resolve("password.txt"))));

        VigieConfig config = new ConfigLoader(Map.of("SITE_URL", "http://127.0.0.1:9090/", "ENT_USER", "eleve"))
                .load(file);

        assertThat(config.site().title()).isEqualTo("Vigie défaut");
        assertThat(config.site().baseUrl()).isEqualTo("http://127.0.0.1:9090");
        assertThat(config.storage().username()).as("empty secret means unset").isNull();
        assertThat(config.storage().password().reveal()).isEqualTo("from-the-file");
        assertThat(config.storage().password().source()).isEqualTo("file:" + folder.resolve("password.txt"));
        Credentials credentials = config.targets().get(0).credentials().orElseThrow();
        assertThat(credentials.username().source()).isEqualTo("env:ENT_USER");
        assertThat(credentials.password().reveal()).isEqualTo("from-the-file");
    }

    @Test
    void credentialsResolvingToEmptyMeanPublicProbingOnly() throws ConfigException {
        String yaml = TARGET.replace("journey: public-page", """
                journey: open-ent-ng
                    credentials:
                      username: ${U:-}
                      password: ${P:-}""");

        assertThat(new ConfigLoader(Map.of()).loadText(yaml, folder).targets().get(0).credentials()).isEmpty();
        assertThat(new ConfigLoader(Map.of("U", "eleve")).loadText(yaml, folder).targets().get(0).credentials())
                .isEmpty();
        assertThat(new ConfigLoader(Map.of("U", "eleve", "P", "pw")).loadText(yaml, folder).targets().get(0)
                .credentials()).isPresent();
    }

    @Test
    void receiversWhoseAddressesResolveToEmptyAreInactive() throws ConfigException {
        String yaml = TARGET + """
                alerts:
                  receivers:
                    courriel:
                      type: email
                      smtp: 127.0.0.1:25
                      from: vigie@vigie.example
                      to: ${TO:-}
                    tchap:
                      type: matrix
                      url: http://127.0.0.1:8008
                      secret: syt_token
                      room: ${ROOM:-}
                """;
        assertThat(new ConfigLoader(Map.of()).loadText(yaml, folder).alerts().receivers())
                .as("no recipient, no room: nobody to tell").isEmpty();
        var active = new ConfigLoader(Map.of("TO", "cellule@education.example", "ROOM", "!abc:tchap.example"))
                .loadText(yaml, folder).alerts().receivers();
        assertThat(active).containsOnlyKeys("courriel", "tchap");
        assertThat(active.get("courriel").to()).containsExactly("cellule@education.example");
    }

    @Test
    void defaultsAreAppliedWhenSectionsAreAbsent() throws ConfigException {
        VigieConfig config = new ConfigLoader(Map.of()).loadText(TARGET, folder);

        assertThat(config.site().timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(config.site().languages()).containsExactly("fr", "en");
        assertThat(config.site().listen()).isEqualTo("127.0.0.1:8080");
        assertThat(config.storage().type()).isEqualTo(StorageConfig.Type.EMBEDDED);
        assertThat(config.storage().path()).isEqualTo(Path.of("var/vigie.db"));
        assertThat(config.vantage().id()).isEqualTo("local");
        assertThat(config.probing().maxRedirects()).isEqualTo(10);
        assertThat(config.probing().stepTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.classifier()).isEqualTo(ClassifierConfig.defaults());
        assertThat(config.alerts().groupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.alerts().admin().listen()).isEqualTo("127.0.0.1:8081");
        assertThat(config.alerts().admin().staleAfter()).isEqualTo(java.time.Duration.ofMinutes(15));
        Target target = config.targets().get(0);
        assertThat(target.name()).isEqualTo("ent-test");
        assertThat(target.schedule()).isEqualTo("default");
        assertThat(config.schedules().get("default").every()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.journeyOf(target).steps()).hasSize(1);
    }

    @Test
    void everySectionIsMappedFromKebabCaseKeys() throws ConfigException {
        VigieConfig config = new ConfigLoader(Map.of()).loadText("""
                site: {title: Test, base-url: "http://127.0.0.1:8080/", output: out/site, languages: [en],
                       time-zone: Europe/Paris, listen: "127.0.0.1:9000", contact-url: "http://127.0.0.1:8080/contact"}
                vantage: {id: paris-1, label: Paris}
                probing: {user-agent: T, max-requests-per-second: 2.5, connect-timeout: 500ms, step-timeout: PT15S,
                          max-body-bytes: 100000, max-redirects: 3, login-backoff: 1h,
                          signatures: [{id: queue, category: saturation, pattern: "file d'attente"}]}
                calendars:
                  zone-c: {zone: C, excluded-dates: [2021-04-07]}
                schedules:
                  rush: {cron: ["*/30 30-59 7 ? * MON-FRI", "*/30 * 8-9 ? * MON-FRI"], calendar: zone-c,
                         only-school-days: true}
                journeys:
                  mine:
                    description: My journey
                    steps:
                      - name: page
                        kind: page
                        get: /x?id={{vars.id}}
                        follow-redirects: false
                        headers: {Accept: text/html}
                        expect: {status: [200, "301-302"], text: ok, not-text: error, selector: "#main",
                                 login-rejected-text: bad}
                        extract:
                          token: {css: "input[name=t]", attr: value}
                      - name: send
                        kind: write
                        needs-login: true
                        post: {url: /send, json: {token: "{{extracted.token}}", who: "{{credentials.username}}"}}
                        expect: {status: 201, json-pointer: {/ok: "true"}}
                targets:
                  - id: ent-a
                    name: ENT A
                    kind: ent
                    region: Île-de-France
                    academies: [Créteil, Paris]
                    holiday-zone: C
                    vendor: Open Digital Education
                    hosting-group: ovh
                    base-url: http://127.0.0.1:18101
                    journey: mine
                    schedule: rush
                    tags: [lycee]
                    vars: {id: "42"}
                maintenance:
                  - {id: upgrade, targets: ["hosting:ovh"], start: "2021-04-06T06:00", end: "2021-04-06T07:00Z",
                     description: Mise à jour}
                classifier: {open-after-rounds: 3, close-after-rounds: 4, window: 15m, slow-factor: 2.5}
                alerts:
                  receivers:
                    hook: {type: webhook, url: "http://127.0.0.1:18098/hook", secret: whsec_abc}
                    mail: {type: email, smtp: "127.0.0.1:2525", from: vigie@localhost, to: [a@localhost]}
                  routes:
                    - match: {kinds: [ent], regions: [Île-de-France], academies: [Paris], hosting-groups: [ovh],
                              causes: [saturation], statuses: [major_outage]}
                      receivers: [hook]
                      continue: true
                  default-receivers: [mail]
                  group-wait: 10s
                  repeat-interval: 1h
                  admin: {listen: "127.0.0.1:8181", token: "${ADMIN_TOKEN:-t0k}", stale-after: 40m}
                """, folder);

        assertThat(config.site().baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.site().output()).isEqualTo(Path.of("out/site"));
        assertThat(config.probing().connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.probing().stepTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.probing().signatures()).singleElement().extracting(SignatureConfig::category)
                .isEqualTo("saturation");
        ScheduleConfig rush = config.schedules().get("rush");
        assertThat(rush.cronExpressions()).containsExactly("*/30 30-59 7 ? * MON-FRI", "*/30 * 8-9 ? * MON-FRI");
        assertThat(rush.onlySchoolDays()).isTrue();
        assertThat(config.calendars().get("zone-c").excludedDates()).hasSize(1);
        Journey mine = config.journeys().get("mine");
        Step page = mine.steps().get(0);
        assertThat(page.followRedirects()).isFalse();
        assertThat(page.expect().status()).containsExactly(200, 301, 302);
        assertThat(page.expect().notText()).isEqualTo("error");
        assertThat(page.extract().get("token")).isEqualTo(new Step.Extract("input[name=t]", "value", null, null));
        Step send = mine.steps().get(1);
        assertThat(send.post().json()).isEqualTo("{\"token\":\"{{extracted.token}}\",\"who\":\"{{credentials.username}}\"}");
        assertThat(send.expect().jsonPointer()).containsEntry("/ok", "true");
        assertThat(config.journeys()).containsKey("open-ent-ng");
        Target target = config.targets().get(0);
        assertThat(target.academies()).containsExactly("Créteil", "Paris");
        assertThat(target.vars()).containsEntry("id", "42");
        MaintenanceWindow upgrade = config.maintenance().get(0);
        assertThat(upgrade.start()).isEqualTo(Instant.parse("2021-04-06T04:00:00Z"));
        assertThat(upgrade.covers("ent-a", "ovh", Instant.parse("2021-04-06T05:00:00Z"))).isTrue();
        assertThat(config.classifier().slowFactor()).isEqualTo(2.5);
        AlertsConfig.Route route = config.alerts().routes().get(0);
        assertThat(route.cont()).isTrue();
        assertThat(route.hostingGroups()).containsExactly("ovh");
        assertThat(config.alerts().receivers().get("mail").to()).containsExactly("a@localhost");
        assertThat(config.alerts().admin().token().reveal()).isEqualTo("t0k");
        assertThat(config.alerts().admin().staleAfter()).isEqualTo(java.time.Duration.ofMinutes(40));
        assertThat(config.alerts().defaultReceivers()).isEqualTo(List.of("mail"));
    }

    @Test
    void aConfigJourneyReplacesTheShippedTemplateOfTheSameName() throws ConfigException {
        VigieConfig config = new ConfigLoader(Map.of()).loadText("""
                journeys:
                  control:
                    steps:
                      - {name: health, kind: api, get: /health}
                """ + TARGET, folder);

        assertThat(config.journeys().get("control").steps()).extracting(Step::name).containsExactly("health");
        assertThat(config.journeys().get("cas").steps()).hasSizeGreaterThan(3);
    }

    @Test
    void anchorsAliasesAndMergeKeysShareCommonKeys() throws ConfigException {
        VigieConfig config = new ConfigLoader(Map.of()).loadText("""
                x-common: &common
                  kind: ent
                  journey: public-page
                  tags: &tags [lycees, ile-de-france]
                targets:
                  - <<: *common
                    id: ent-a
                    base-url: http://127.0.0.1:18101
                  - <<: *common
                    id: ent-b
                    journey: control
                    base-url: http://127.0.0.1:18102
                    academies: *tags
                """, folder);

        assertThat(config.targets().get(0).journey()).isEqualTo("public-page");
        assertThat(config.targets().get(0).tags()).containsExactly("lycees", "ile-de-france");
        assertThat(config.targets().get(1).journey()).as("an explicit key overrides a merged one").isEqualTo("control");
        assertThat(config.targets().get(1).academies()).containsExactly("lycees", "ile-de-france");
    }
}
