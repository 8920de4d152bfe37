package fr.vigie.app;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logging configuration as {@code vigie} gets it, in a JVM of its own: logback finds {@link LogConfiguration}
 * through ServiceLoader, so its XML machinery and the JDK's XML parser are never loaded (docs/performance.md,
 * "Memory"); text or JSON lines, one per event, libraries at WARN; an operator's own file still wins.
 */
class LogConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void textLinesWithoutLogbacksXmlMachinery() throws Exception {
        Child child = run(List.of(), "text");
        assertThat(child.lines).hasSize(2);
        assertThat(child.lines.get(0)).matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  test {17}target=ent-idf round skipped");
        assertThat(child.lines.get(1)).contains(" WARN  Test ").endsWith("a library's warning");
        assertNoXmlMachinery(child);
    }

    @Test
    void jsonLinesWithoutLogbacksXmlMachinery() throws Exception {
        Child child = run(List.of(), "--log-format", "json");
        assertThat(child.lines).hasSize(2);
        JsonObject first = new JsonObject(child.lines.get(0));
        assertThat(first.getString("level")).isEqualTo("INFO");
        assertThat(first.getString("loggerName")).isEqualTo("fr.vigie.test");
        assertThat(first.getString("formattedMessage")).isEqualTo("target=ent-idf round skipped");
        assertThat(first.containsKey("message")).isFalse();
        assertThat(new JsonObject(child.lines.get(1)).getString("level")).isEqualTo("WARN");
        assertNoXmlMachinery(child);
    }

    @Test
    void rootLevelFromTheSystemProperty() throws Exception {
        Child child = run(List.of("-Dvigie.log.level=debug"), "text");
        assertThat(child.lines).hasSize(3);
        assertThat(child.lines.get(0)).contains(" DEBUG ").endsWith("a debug line");
    }

    @Test
    void anOperatorsOwnFileWins() throws Exception {
        Path file = dir.resolve("mine.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>MINE %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="ERROR"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        Child child = run(List.of("-Dlogback.configurationFile=" + file), "text");
        assertThat(child.lines).containsExactly("MINE ERROR connection reset");
    }

    private static void assertNoXmlMachinery(Child child) {
        assertThat(child.classes).anyMatch(c -> c.contains("fr.vigie.app.LogConfiguration "));
        // Joran's actions and model, logback-classic's configurators, the JDK's SAX parser (ConsoleAppender itself
        // uses two small classes of joran.spi, ConsoleTarget and JoranException)
        for (String xml : List.of("ch.qos.logback.core.joran.action.", "ch.qos.logback.core.model.",
                "ch.qos.logback.classic.joran.", "ch.qos.logback.classic.util.DefaultJoranConfigurator",
                "com.sun.org.apache.xerces.")) {
            assertThat(child.classes).noneMatch(c -> c.contains("] " + xml));
        }
    }

    private record Child(List<String> lines, List<String> classes) {
    }

    private Child run(List<String> jvmOptions, String... args) throws Exception {
        Path classes = dir.resolve("classes-" + System.nanoTime() + ".txt");
        Path err = dir.resolve("stderr-" + System.nanoTime() + ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(LogConfigurationChild.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new Child(Files.readAllLines(err, StandardCharsets.UTF_8), Files.readAllLines(classes));
    }
}
