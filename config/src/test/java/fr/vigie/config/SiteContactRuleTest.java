package fr.vigie.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A public site must give a contact address; a loopback one (demo, tests) need not. */
class SiteContactRuleTest {
    private static final String TARGET = """
            targets:
              - id: ent-test
                kind: ent
                base-url: http://127.0.0.1:18101
                journey: public-page
            """;

    @TempDir
    Path folder;

    private Site site(String siteSection) throws ConfigException {
        return new ConfigLoader(Map.of()).loadText(siteSection + TARGET, folder).site();
    }

    @Test
    void aPublicSiteWithoutAnyContactIsRefusedWithThePathAndLine() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> site("""
                site:
                  title: Vigie
                  base-url: https://etat.vigie.example.fr
                """));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("site.base-url", "line 3", "needs a contact address", "site.contact-email");
    }

    @Test
    void aContactEmailOrAnExternalContactUrlSatisfiesIt() throws ConfigException {
        assertThat(site("""
                site:
                  base-url: https://etat.vigie.example.fr
                  contact-email: equipe@vigie.example.fr
                """).contactEmail()).isEqualTo("equipe@vigie.example.fr");
        assertThat(site("""
                site:
                  base-url: https://etat.vigie.example.fr
                  contact-url: https://vigie.example.fr/contact/
                """).contactEmail()).isNull();
    }

    @Test
    void loopbackSitesNeedNoContactAndABadAddressIsAnError() throws ConfigException {
        assertThat(site("""
                site:
                  base-url: http://127.0.0.1:8080
                """).contactEmail()).isNull();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> site("""
                site:
                  base-url: http://127.0.0.1:8080
                  contact-email: "Équipe <equipe@vigie.example.fr>"
                """));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("site.contact-email", "not an e-mail address");
    }
}
