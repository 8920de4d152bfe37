package fr.vigie.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The error analysis lists each wrong cause run and each missed segment, with the truth around it. */
class ExplainMainTest {
    @TempDir
    Path dir;

    @Test
    void aWrongCauseRunAndAMissedSegmentAreListedWithTheirTruth() throws Exception {
        // ent-a: path loss from +1:00 to +3:00, published as attack; ent-b: a storage fault nobody named.
        Files.writeString(dir.resolve("01-truth.jsonl"), """
                {"target":"ent-a","cause":"network","mechanism":"path_loss","start":"2021-04-06T07:01:00Z","end":"2021-04-06T07:03:00Z"}
                {"target":"ent-b","cause":"storage","mechanism":"disk","start":"2021-04-06T07:02:00Z","end":"2021-04-06T07:04:00Z"}
                """);
        Files.writeString(dir.resolve("01-verdicts.jsonl"), """
                {"ts":"2021-04-06T07:01:10Z","target":"ent-a","status":"partial_outage","causes":["attack"]}
                {"ts":"2021-04-06T07:03:30Z","target":"ent-a","status":"operational","causes":[]}
                {"ts":"2021-04-06T07:00:05Z","target":"ent-b","status":"operational","causes":[]}
                """);
        Files.writeString(dir.resolve("01-trace.jsonl"), """
                {"ts":"2021-04-06T07:00:00Z"}
                {"ts":"2021-04-06T07:06:00Z"}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExplainMain.explain(dir, Duration.ofSeconds(60), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out.lines().filter(l -> l.contains(" WRONG "))).singleElement().satisfies(l -> assertThat(l)
                .contains("01 WRONG attack", "ent-a", "at +1:10", "for 140s", "truth here: [network/path_loss +1:00-+3:00]",
                        "elsewhere: [ent-b:storage/disk +2:00-+4:00]"));
        assertThat(out.lines().filter(l -> l.contains(" MISSED "))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("MISSED network", "ent-a", "path_loss", "named: attack"))
                .anySatisfy(l -> assertThat(l).contains("MISSED storage", "ent-b", "disk", "named: none"));
    }
}
