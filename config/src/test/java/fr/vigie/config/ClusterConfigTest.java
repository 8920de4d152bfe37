package fr.vigie.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The optional {@code cluster} section: absent means one process; every bad value reported with path and line. */
class ClusterConfigTest {
    private static final String TARGETS = """
            targets:
              - id: ent-a
                kind: ent
                base-url: http://127.0.0.1:1
                journey: public-page
            """;

    private static VigieConfig load(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of()).loadText(yaml, Path.of("."));
    }

    @Test
    void absentSectionIsASingleProcess() throws ConfigException {
        assertThat(load(TARGETS).clusterSettings()).isEmpty();
    }

    @Test
    void readsEverySettingWithDefaults() throws ConfigException {
        VigieConfig c = load(TARGETS + """
                cluster:
                  name: vigie-test
                  listen: 127.0.0.1:5801
                  members: [127.0.0.1:5801, "127.0.0.1:5802-5805"]
                  vantages: 3
                  quorum: 2
                  heartbeat: 1s
                """);
        ClusterConfig cluster = c.clusterSettings().orElseThrow();
        assertThat(cluster.name()).isEqualTo("vigie-test");
        assertThat(cluster.listen()).isEqualTo("127.0.0.1:5801");
        assertThat(cluster.members()).containsExactly("127.0.0.1:5801", "127.0.0.1:5802-5805");
        assertThat(cluster.vantages()).isEqualTo(3);
        assertThat(cluster.quorum()).isEqualTo(2);
        assertThat(cluster.heartbeat()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cluster.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(cluster.maxClockDrift()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void everyErrorAtOnceWithPathAndLine() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                cluster:
                  name: Vigie Test
                  listen: 127.0.0.1:99999
                  members: [127.0.0.1, 127.0.0.1:5703-5701]
                  vantages: 3
                  quorum: 4
                  heartbeat: 5s
                  heartbeat-timeout: 2s
                  max-clock-drift: soon
                  multicast: true
                """));
        assertThat(e).isNotNull();
        List<String> errors = e.errors().stream().map(ConfigError::toString).toList();
        assertThat(errors).containsExactly(
                "cluster.name: bad id 'Vigie Test': use lower-case letters, digits and dashes (ent-idf) (line 7)",
                "cluster.listen: bad port 99999 in '127.0.0.1:99999': expected 1-65535 (line 8)",
                "cluster.members[0]: bad member '127.0.0.1': expected host:port or host:first-last (127.0.0.1:5701-5703) (line 9)",
                "cluster.members[1]: bad port range in member '127.0.0.1:5703-5701': expected ports 1-65535, first not after last (line 9)",
                "cluster.quorum: quorum 4 is more than the 3 vantages: no fault could ever be confirmed (expected 1-3) (line 11)",
                "cluster.heartbeat-timeout: heartbeat-timeout must be longer than heartbeat (5000 ms), or every vantage would be excluded between two heartbeats (line 13)",
                "cluster.max-clock-drift: bad duration 'soon': write a number and a unit (500ms, 30s, 2m, 1h, 7d) or ISO-8601 (PT30S) (line 14)",
                "cluster.multicast: unknown key 'multicast'; allowed here: heartbeat, heartbeat-timeout, listen, max-clock-drift, members, name, quorum, vantages (line 15)");
    }

    @Test
    void membersAndVantagesAreRequired() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                cluster:
                  name: vigie
                """));
        assertThat(e.errors().stream().map(ConfigError::toString).toList()).containsExactlyInAnyOrder(
                "cluster.members: missing required key 'members' (line 6)",
                "cluster.vantages: missing required key 'vantages' (line 6)");
    }
}
