package fr.vigie.app.cli;

import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigie run --role ...}: bad combinations are refused before anything starts. */
class ClusterRunOptionsTest {
    private static final String TARGETS = """
            targets:
              - id: ent-a
                kind: ent
                base-url: http://127.0.0.1:1
                journey: public-page
            """;

    private static VigieConfig load(String yaml) throws Exception {
        return new ConfigLoader(Map.of()).loadText(yaml, Path.of("."));
    }

    @Test
    void eachBadCombinationSaysWhatToDo() throws Exception {
        VigieConfig single = load(TARGETS);
        VigieConfig clustered = load(TARGETS + "cluster:\n  members: [127.0.0.1:5701]\n  vantages: 1\n");

        assertThat(ClusterRun.problem(single, "probe", "v1", null)).contains("needs a 'cluster' section");
        assertThat(ClusterRun.problem(clustered, "probe", null, null)).contains("--role probe --vantage NAME");
        assertThat(ClusterRun.problem(clustered, "probe", "Paris 1", null)).contains("bad --vantage 'Paris 1'");
        assertThat(ClusterRun.problem(clustered, "controller", "v1", null)).contains("a controller does not probe");
        assertThat(ClusterRun.problem(clustered, "leader", null, null)).contains("expected probe or controller");
        assertThat(ClusterRun.problem(clustered, null, "v1", null)).contains("need --role");
        assertThat(ClusterRun.problem(clustered, "probe", "v1", "5702")).contains("bad --cluster-listen");
        assertThat(ClusterRun.problem(clustered, "probe", "v1", "127.0.0.1:5702")).isNull();
        assertThat(ClusterRun.problem(clustered, "controller", null, null)).isNull();
    }
}
