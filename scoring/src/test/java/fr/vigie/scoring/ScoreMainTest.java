package fr.vigie.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the two JSON Lines files and printing the report. */
class ScoreMainTest {
    @TempDir
    Path dir;

    @Test
    void readsBothFormatsSkipsIncidentLinesAndPrintsTheReport() throws Exception {
        Path truth = dir.resolve("truth.jsonl");
        Files.writeString(truth, """
                {"target":"cned-college","fault":"attack","cause":"attack","start":"2021-04-06T06:01:30Z","end":"2021-04-06T06:04:00Z","faultId":"f2"}
                """);
        Path verdicts = dir.resolve("verdicts.jsonl");
        Files.writeString(verdicts, """
                {"ts":"2021-04-06T06:00:00Z","target":"cned-college","status":"operational","cause":"none","causes":[]}
                {"ts":"2021-04-06T06:01:45Z","target":"cned-college","status":"major_outage","cause":"attack","causes":["attack","saturation"]}
                {"ts":"2021-04-06T06:04:30Z","target":"cned-college","status":"operational","cause":"none"}
                {"type":"incident","id":"i1","status":"resolved","cause":"attack","targets":["cned-college"]}
                """);
        assertThat(ScoringInputs.readVerdicts(verdicts)).hasSize(3)
                .element(1).satisfies(v -> assertThat(v.causes()).containsExactlyInAnyOrder("attack", "saturation"));
        assertThat(ScoringInputs.readVerdicts(verdicts).get(0).causes()).isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ScoreMain.run(new String[] {"--truth", truth.toString(), "--verdicts", verdicts.toString(),
                "--grace", "30s"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(code).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("attack").contains("macro-F1: 0.50")
                .contains("detection delay (correct cause): median 15.0 s, worst 15.0 s, n=1, missed 0")
                .contains("flaps: 0 over 1 incidents");
    }

    @Test
    void badArgumentsExitWithTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScoreMain.run(new String[] {"--truth"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: score", "--truth");
    }

    @Test
    void helpPrintsTheUsageAndExitsZeroForEveryScoringMain() throws Exception {
        for (String name : new String[] {"score", "compare", "explain"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            int code = switch (name) {
                case "score" -> ScoreMain.run(new String[] {"--help"}, print, System.err);
                case "compare" -> CompareMain.run(new String[] {"--help"}, print, System.err);
                default -> ExplainMain.run(new String[] {"--help"}, print, System.err);
            };
            assertThat(code).as(name).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(name).contains("Usage: " + name, "--suite", "--grace");
        }
    }

    @Test
    void badValuesSayWhatIsWrongAndExitWithTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(ScoreMain.run(new String[] {"--suite", dir.toString(), "--grace", "soon"}, System.out, print))
                .isEqualTo(2);
        assertThat(CompareMain.run(new String[] {"--suite", dir.toString()}, System.out, print)).isEqualTo(2);
        assertThat(ExplainMain.run(new String[] {"--grace", "60s"}, System.out, print)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("score: Invalid value for option '--grace'",
                "compare: --suite wants NAME=DIR, got " + dir, "explain: Missing required option: '--suite=<suite>'");
    }
}
