package fr.vigie.app.cli;

import fr.vigie.app.VigieCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator reads when a command line or a trace is wrong: one line, the file and line, exit 2. */
class CliErrorsTest {
    private static final Path DEMO = Path.of("..", "config", "demo.yaml").toAbsolutePath().normalize();
    private static final String LINE = "{\"ts\":\"2021-04-06T06:00:%02d.000Z\",\"scheduled\":null,\"target\":\"ent-idf\","
            + "\"vantage\":\"local\",\"journey\":\"public-page\",\"run\":\"r%d\",\"step\":\"home\",\"kind\":\"page\","
            + "\"outcome\":\"ok\",\"status\":200,\"signature\":null,\"dns_ms\":null,\"connect_ms\":0.4,"
            + "\"tls_ms\":null,\"ttfb_ms\":20.0,\"total_ms\":21.0,\"bytes\":100,\"maintenance\":false,\"detail\":null}";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int vigie(String... args) {
        CommandLine cli = new CommandLine(new VigieCommand()).setParameterExceptionHandler(new UsageErrors());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aGarbageTraceLineIsOneLineWithFileAndLineNumberAndTheOutputKept() throws Exception {
        Path trace = dir.resolve("t.jsonl");
        Files.writeString(trace, String.format(LINE, 1, 1) + "\n" + String.format(LINE, 6, 2) + "\n"
                + "this is not json\n" + String.format(LINE, 11, 3) + "\n");
        Path out = dir.resolve("verdicts.jsonl");
        int code = vigie("classify", "--config", DEMO.toString(), "--trace", trace.toString(), "--out", out.toString());
        assertThat(code).as(err::toString).isEqualTo(2);
        String message = err.toString().trim();
        assertThat(message).doesNotContain("\n").doesNotContain("\tat ")
                .startsWith("vigie classify: " + trace + ":3: not JSON").contains("the output stopped there");
        assertThat(out).as("what was written before stays").exists();
    }

    @Test
    void classifyIntoAMissingFolderMakesItLikeTheOtherCommandsAndAFolderAsOutIsNamed() throws Exception {
        Path trace = dir.resolve("ok.jsonl");
        Files.writeString(trace, String.format(LINE, 1, 1) + "\n" + String.format(LINE, 6, 2) + "\n");
        Path out = dir.resolve("not/yet/there/verdicts.jsonl");
        int code = vigie("classify", "--config", DEMO.toString(), "--trace", trace.toString(), "--out", out.toString());
        assertThat(code).as(err::toString).isZero();
        assertThat(Files.readString(out)).isNotBlank();

        Path folder = dir.resolve("a-folder");
        Files.createDirectories(folder);
        assertThat(vigie("classify", "--config", DEMO.toString(), "--trace", trace.toString(), "--out",
                folder.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot write " + folder, "it is a folder").doesNotContain("\tat ");
    }

    @Test
    void aMissingTraceExitsTwoLikeEveryMissingFile() {
        assertThat(vigie("classify", "--config", DEMO.toString(), "--trace", dir.resolve("none.jsonl").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("trace not found");
    }

    @Test
    void anUnknownFlagIsNamedEvenWhenARequiredOptionIsMissingToo() {
        assertThat(vigie("run", "--bogus-flag")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus-flag'").contains("Missing required option");
    }
}
