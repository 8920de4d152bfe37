package fr.vigie.aggregator.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full disk under the embedded store: memory stays bounded, raw results are shed first, verdicts and incident
 * events are kept and written once space comes back. The disk is a 4 MB tmpfs mounted in a user and mount
 * namespace of a child JVM ({@code unshare -rm}), so nothing on the machine fills up.
 */
class SqliteFullDiskTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskShedsRawResultsFirstKeepsTheHistoryAndResumes() throws Exception {
        assumeTrue(canMountTmpfs(), "user+mount namespaces unavailable here (unshare -rm mount -t tmpfs failed)");
        Path mnt = Files.createDirectory(dir.resolve("mnt"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "mount -t tmpfs -o size=4m tmpfs \"$1\" && shift && exec \"$@\"";
        Process child = new ProcessBuilder("unshare", "-rm", "sh", "-c", script, "sh", mnt.toString(), java,
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), SqliteFullDiskWriter.class.getName(),
                mnt.toString()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out + Files.readString(dir.resolve("stderr.txt"))).isZero();
        Map<String, List<Long>> lines = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length > 1 && w[1].matches("\\d+")) {
                lines.put(w[0], Arrays.stream(w).skip(1).map(Long::parseLong).toList());
            }
        }
        assertThat(out).contains("disk full");
        assertThat(lines.get("pending").get(0)).as("memory bounded while the disk is full")
                .isLessThanOrEqualTo(SqliteFullDiskWriter.CAPACITY);
        List<Long> shed = lines.get("shed");
        assertThat(shed.get(0)).as("raw results shed").isGreaterThan(0);
        assertThat(shed.subList(1, 3)).as("no verdict nor incident event shed").containsExactly(0L, 0L);
        assertThat(out).as("what was shed is logged, not only counted")
                .containsPattern("WARN .*SQLite store .*: shed so far \\(pending-write queue full\\) [1-9]\\d* step"
                        + " results, 0 verdicts, 0 incident events");
        assertThat(lines.get("pending-after")).containsExactly(0L);
        List<Long> kept = lines.get("kept");
        assertThat(kept.get(1)).isEqualTo(SqliteFullDiskWriter.VERDICTS);
        assertThat(kept.get(2)).isEqualTo(SqliteFullDiskWriter.EVENTS);
        assertThat(kept.get(0) + shed.get(0)).as("every result written or counted as shed")
                .isEqualTo(SqliteFullDiskWriter.RESULTS);
    }

    private static boolean canMountTmpfs() {
        try {
            Process p = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
