package fr.vigie.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code site.mirrors}: optional; every bad value reported with path and line; the password never in a message. */
class SiteMirrorsConfigTest {
    private static final String TARGETS = """
            targets:
              - id: ent-a
                kind: ent
                base-url: http://127.0.0.1:1
                journey: public-page
            """;
    private static final String PASSWORD = "mirror-password-value";

    private static VigieConfig load(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of("VIGIE_MIRROR_PASSWORD", PASSWORD, "EMPTY", ""))
                .loadText(yaml, Path.of("."));
    }

    @Test
    void absentMeansNoMirror() throws ConfigException {
        assertThat(load(TARGETS).site().mirrors()).isEmpty();
    }

    @Test
    void readsEveryMirrorWithDefaults() throws ConfigException {
        VigieConfig c = load(TARGETS + """
                site:
                  mirrors:
                    - url: https://miroir.example.fr/vigie
                      username: vigie
                      password-env: VIGIE_MIRROR_PASSWORD
                      timeout: 5s
                    - url: http://127.0.0.1:8090/
                """);
        List<SiteMirror> mirrors = c.site().mirrors();
        assertThat(mirrors).hasSize(2);
        assertThat(mirrors.get(0).url()).isEqualTo("https://miroir.example.fr/vigie/");
        assertThat(mirrors.get(0).username()).isEqualTo("vigie");
        assertThat(mirrors.get(0).password().reveal()).isEqualTo(PASSWORD);
        assertThat(mirrors.get(0).password().source()).isEqualTo("env:VIGIE_MIRROR_PASSWORD");
        assertThat(mirrors.get(0).timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(mirrors.get(0).toString()).doesNotContain(PASSWORD);
        assertThat(mirrors.get(1).url()).isEqualTo("http://127.0.0.1:8090/");
        assertThat(mirrors.get(1).username()).isNull();
        assertThat(mirrors.get(1).password()).isNull();
        assertThat(mirrors.get(1).timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyErrorAtOnceWithPathAndLineAndNoSecret() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                site:
                  mirrors:
                    - url: ftp://miroir.example.fr/
                    - url: https://vigie:mirror-password-value@miroir.example.fr/
                    - url: http://miroir.example.fr/
                      username: vigie
                      password-env: VIGIE_MIRROR_PASSWORD
                    - url: https://b.example.fr/
                      password-env: NOT_SET
                    - url: https://c.example.fr/
                      username: vigie
                    - url: https://d.example.fr/
                      username: vigie
                      password-env: ${VIGIE_MIRROR_PASSWORD}
                      timeout: soon
                      method: rsync
                    - https://e.example.fr/
                """));
        assertThat(e).isNotNull();
        List<String> errors = e.errors().stream().map(ConfigError::toString).toList();
        assertThat(errors).containsExactly(
                "site.mirrors[0].url: bad URL 'ftp://miroir.example.fr/': expected http:// or https:// (line 8)",
                "site.mirrors[1].url: put the mirror's account in 'username' and 'password-env', not in the URL (value not shown) (line 9)",
                "site.mirrors[2].url: a password would travel in clear to 'http://miroir.example.fr/': use https:// (http:// only on loopback) (line 10)",
                "site.mirrors[3].password-env: environment variable 'NOT_SET' is not set (write ${NOT_SET:-} to make it optional) (line 14)",
                "site.mirrors[3].password-env: password-env needs a username (line 14)",
                "site.mirrors[4].username: username needs password-env (the environment variable holding the password) (line 16)",
                "site.mirrors[5].password-env: expected the name of an environment variable (VIGIE_MIRROR_PASSWORD), not a value (line 19)",
                "site.mirrors[5].timeout: bad duration 'soon': write a number and a unit (500ms, 30s, 2m, 1h, 7d) or ISO-8601 (PT30S) (line 20)",
                "site.mirrors[5].method: unknown key 'method'; allowed here: password-env, timeout, url, username (line 21)",
                "site.mirrors[6]: expected a mapping (key: value lines), found a text value (line 22)");
        assertThat(String.join("\n", errors)).doesNotContain(PASSWORD);
    }
}
