package fr.vigie.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A suite directory is scored scenario by scenario over each trace's range, then summed. */
class SuiteScorerTest {
    private static final Instant T0 = Instant.parse("2021-04-06T05:30:00Z");
    private static final Instant T1 = T0.plus(Duration.ofDays(1));

    @TempDir
    Path dir;

    private static String ts(Instant base, long s) {
        return base.plusSeconds(s).toString();
    }

    private static String trace(Instant base) {
        return "{\"ts\":\"" + ts(base, 0) + "\",\"target\":\"x\",\"step\":\"home\",\"outcome\":\"ok\"}\n"
               + "{\"ts\":\"" + ts(base, 600) + "\",\"target\":\"x\",\"step\":\"home\",\"outcome\":\"ok\"}\n";
    }

    private static String verdict(Instant base, long s, String target, String status, String cause) {
        return "{\"ts\":\"" + ts(base, s) + "\",\"target\":\"" + target + "\",\"status\":\"" + status
               + "\",\"cause\":\"" + cause + "\"}\n";
    }

    @Test
    void scenariosAreScoredOverTheirTraceRangeThenSummed() throws Exception {
        Files.writeString(dir.resolve("01-trace.jsonl"), trace(T0));
        Files.writeString(dir.resolve("01-truth.jsonl"), "{\"target\":\"a\",\"cause\":\"attack\",\"start\":\""
                + ts(T0, 100) + "\",\"end\":\"" + ts(T0, 200) + "\"}\n");
        Files.writeString(dir.resolve("01-verdicts.jsonl"), verdict(T0, 0, "a", "operational", "none")
                + verdict(T0, 110, "a", "major_outage", "attack") + verdict(T0, 220, "a", "operational", "none"));
        Files.writeString(dir.resolve("02-trace.jsonl"), trace(T1));
        Files.writeString(dir.resolve("02-truth.jsonl"), "");
        Files.writeString(dir.resolve("02-verdicts.jsonl"), verdict(T1, 0, "b", "operational", "none")
                + verdict(T1, 300, "b", "degraded_performance", "saturation") + verdict(T1, 330, "b", "operational", "none"));

        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ScoreReport r = new SuiteScorer(ScoringOptions.defaults())
                .score(dir, new PrintStream(lines, true, StandardCharsets.UTF_8));

        assertThat(r.perCause()).containsExactly(new CauseScore("saturation", 0, 0, 1, 0),
                new CauseScore("attack", 1, 1, 1, 1));
        assertThat(r.macroF1()).isEqualTo(0.5);
        assertThat(r.classificationDelays()).containsExactly(Duration.ofSeconds(10));
        assertThat(r.falseAlarms()).isEqualTo(1);
        // 01: 600 s minus the attack's window 100..260 = 440 s; 02: the whole 600 s (the trace sets the range)
        assertThat(r.faultFree()).isEqualTo(Duration.ofSeconds(1040));
        assertThat(r.incidents()).isEqualTo(1);
        assertThat(r.targets()).isEqualTo(2);
        assertThat(lines.toString(StandardCharsets.UTF_8)).contains("01:   1 segments").contains("02:   0 segments");
    }

    @Test
    void theCommandLineScoresASuite() throws Exception {
        Files.writeString(dir.resolve("01-truth.jsonl"), "");
        Files.writeString(dir.resolve("01-verdicts.jsonl"), verdict(T0, 0, "b", "operational", "none"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ScoreMain.run(new String[] {"--suite", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("false alarms: 0");
    }
}
