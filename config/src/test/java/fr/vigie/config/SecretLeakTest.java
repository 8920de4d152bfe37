package fr.vigie.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A secret value must appear in no toString(), no exception message and no log line. */
class SecretLeakTest {
    private static final String PASSWORD = "Pa55-tr3s-s3cret";
    private static final String USERNAME = "eleve.secret.login";
    private static final String TOKEN = "adm1n-t0ken-s3cret";
    private static final String HOOK_SECRET = "whsec_c2VjcmV0LXZhbHVl";
    private static final String FILE_SECRET = "fi1e-s3cret-value";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @TempDir
    Path folder;

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    private Map<String, String> environment() {
        return Map.of("ENT_USER", USERNAME, "ENT_PASSWORD", PASSWORD, "ADMIN_TOKEN", TOKEN, "HOOK_SECRET", HOOK_SECRET);
    }

    private String config(String extraTargetKey) throws IOException {
        Path secretFile = Files.writeString(folder.resolve("influx-password"), FILE_SECRET + "\n");
        return """
                storage:
                  type: influxdb
                  password: file:%s
                alerts:
                  receivers:
                    hook: {type: webhook, url: "http://127.0.0.1:18098/hook", secret: "${HOOK_SECRET}"}
                  admin: {token: "${ADMIN_TOKEN}"}
                targets:
                  - id: ent-test
                    kind: ent
                    base-url: http://127.0.0.1:18101
                    journey: open-ent-ng
                    credentials:
                      username: ${ENT_USER}
                      password: ${ENT_PASSWORD}
                %s""".formatted(secretFile, extraTargetKey);
    }

    @Test
    void noToStringOfTheLoadedConfigShowsASecret() throws Exception {
        Path file = Files.writeString(folder.resolve("ok.yaml"), config(""));
        VigieConfig config = new ConfigLoader(environment()).load(file);
        Target target = config.targets().get(0);
        Credentials credentials = target.credentials().orElseThrow();

        // the values really were resolved...
        assertThat(credentials.password().reveal()).isEqualTo(PASSWORD);
        assertThat(config.storage().password().reveal()).isEqualTo(FILE_SECRET);
        assertThat(config.alerts().admin().token().reveal()).isEqualTo(TOKEN);
        // ...and never printed
        for (Object o : new Object[] {credentials.password(), credentials, target, config, config.storage(),
                config.alerts(), config.alerts().receivers().get("hook"), config.alerts().admin()}) {
            assertNoSecretIn(o.toString());
        }
        assertThat(credentials.password().toString()).contains("env:ENT_PASSWORD").contains("******");
        assertNoSecretInLogs();
        assertThat(logs.list).isNotEmpty();
    }

    @Test
    void noErrorMessageShowsASecretEvenWhenASecretIsMisplaced() throws Exception {
        // a password typed where a mapping or a number is expected, and a secret used as an invalid URL
        String yaml = config("""
                    vars: %s
                    tags: {password: %s}
                probing:
                  max-redirects: ${ENT_PASSWORD}
                site:
                  title: [%s]
                """.formatted(PASSWORD, PASSWORD, PASSWORD)).replace("url: \"http://127.0.0.1:18098/hook\"",
                "url: \"${ENT_PASSWORD}\"");
        Path file = Files.writeString(folder.resolve("bad.yaml"), yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(environment()).load(file));

        assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(4);
        assertNoSecretIn(e.getMessage());
        e.errors().forEach(error -> assertNoSecretIn(error.toString()));
        assertNoSecretInLogs();
    }

    private void assertNoSecretInLogs() {
        for (ILoggingEvent event : logs.list) {
            assertNoSecretIn(event.getFormattedMessage());
        }
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(PASSWORD).doesNotContain(USERNAME).doesNotContain(TOKEN)
                .doesNotContain(HOOK_SECRET).doesNotContain(FILE_SECRET);
    }
}
