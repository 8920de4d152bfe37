package fr.vigie.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** packaging/jvm.options is what ./vigie run, the systemd unit and the OCI image start the JVM with. */
class JvmOptionsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path OPTIONS = ROOT.resolve("packaging/jvm.options");

    private static List<String> options() throws IOException {
        return Files.readAllLines(OPTIONS).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void theJavaLauncherReadsTheFileAsMeant() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "@" + OPTIONS, "-XX:+PrintFlagsFinal", "-version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("bool UseSerialGC\\s+= true")
                .containsPattern("size_t MaxHeapSize\\s+= " + 64L * 1024 * 1024 + "\\b")
                .containsPattern("intx TieredStopAtLevel\\s+= 1\\b")
                .containsPattern("bool ExitOnOutOfMemoryError\\s+= true");
    }

    @Test
    void theOciImageHasTheSameFlagsInTheSameOrder() throws IOException {
        String pom = Files.readString(ROOT.resolve("app/pom.xml"));
        Matcher m = Pattern.compile("<jvmFlag>([^<]+)</jvmFlag>").matcher(pom);
        List<String> flags = new ArrayList<>();
        while (m.find()) {
            flags.add(m.group(1));
        }
        assertThat(flags).isEqualTo(options());
        assertThat(pom).contains("<MALLOC_ARENA_MAX>2</MALLOC_ARENA_MAX>");
    }

    @Test
    void theSystemdUnitAndTheLauncherUseTheFile() throws IOException {
        assertThat(Files.readString(ROOT.resolve("packaging/vigie.service")))
                .contains("ExecStart=/usr/bin/java @/opt/vigie/jvm.options -jar /opt/vigie/vigie.jar")
                .contains("Environment=MALLOC_ARENA_MAX=2");
        assertThat(Files.readString(ROOT.resolve("vigie"))).contains("@$here/packaging/jvm.options");
    }
}
