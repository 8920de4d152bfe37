package fr.vigie.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code hosting-groups}: readable names for the targets' hosting groups, checked against the targets. */
class HostingGroupsTest {
    private static final String TARGETS = """
            targets:
              - id: ent-test
                kind: ent
                base-url: http://127.0.0.1:18101
                journey: public-page
                hosting-group: ovh-sbg
            """;

    @TempDir
    Path folder;

    private VigieConfig load(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of()).loadText(yaml, folder);
    }

    @Test
    void aGroupHasAReadableNameAndAnUnnamedGroupReadsAsItsId() throws ConfigException {
        VigieConfig config = load(TARGETS + """
                hosting-groups:
                  ovh-sbg:
                    name: OVHcloud Strasbourg
                """);
        assertThat(config.hostingName("ovh-sbg")).isEqualTo("OVHcloud Strasbourg");
        assertThat(load(TARGETS).hostingName("ovh-sbg")).isEqualTo("ovh-sbg");
    }

    @Test
    void unknownGroupsMissingNamesAndUnknownKeysAreAllReportedWithTheirLines() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                hosting-groups:
                  ovh-gra:
                    name: OVHcloud Gravelines
                  ovh-sbg:
                    nom: OVHcloud Strasbourg
                """));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("hosting-groups.ovh-gra", "no target has hosting-group 'ovh-gra'",
                "hosting-groups.ovh-sbg.nom", "unknown key 'nom'", "line 8", "line 11");
    }
}
