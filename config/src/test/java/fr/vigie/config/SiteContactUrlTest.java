package fr.vigie.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code site.contact-url} is optional: without it operators are sent to the site's own about page. */
class SiteContactUrlTest {
    private static final String TARGET = """
            targets:
              - id: ent-test
                kind: ent
                base-url: http://127.0.0.1:18101
                journey: public-page
            """;

    @TempDir
    Path folder;

    private Site site(String siteSection, Map<String, String> env) throws ConfigException {
        return new ConfigLoader(env).loadText(siteSection + TARGET, folder).site();
    }

    @Test
    void absentContactUrlIsTheAboutPageOfTheBaseUrl() throws ConfigException {
        Site site = site("""
                site:
                  base-url: https://etat.vigie.example.fr/
                  contact-email: equipe@vigie.example.fr
                """, Map.of());
        assertThat(site.baseUrl()).isEqualTo("https://etat.vigie.example.fr");
        assertThat(site.contactUrl()).isEqualTo("https://etat.vigie.example.fr/a-propos/");
    }

    @Test
    void withoutAnySiteSectionItIsTheDefaultBaseUrlsAboutPage() throws ConfigException {
        assertThat(site("", Map.of()).contactUrl()).isEqualTo("http://127.0.0.1:8080/a-propos/");
    }

    @Test
    void anEmptyValueFromTheEnvironmentAlsoMeansTheDefault() throws ConfigException {
        Site site = site("""
                site:
                  base-url: ${SITE_URL:-http://127.0.0.1:8080}
                  contact-url: ${CONTACT_URL:-}
                  contact-email: equipe@vigie.example.fr
                """, Map.of("SITE_URL", "https://vigie.example.fr"));
        assertThat(site.contactUrl()).isEqualTo("https://vigie.example.fr/a-propos/");
    }

    @Test
    void anExplicitContactUrlIsKept() throws ConfigException {
        Site site = site("""
                site:
                  base-url: https://etat.vigie.example.fr
                  contact-url: https://vigie.example.fr/contact/
                """, Map.of());
        assertThat(site.contactUrl()).isEqualTo("https://vigie.example.fr/contact");
    }

    @Test
    void aBadContactUrlIsReportedOnce() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> site("""
                site:
                  contact-url: mailto:vigie@example.fr
                """, Map.of()));
        assertThat(e.errors()).extracting(ConfigError::path).containsExactly("site.contact-url");
        assertThat(e.errors().get(0).message()).contains("expected http:// or https://");
    }
}
