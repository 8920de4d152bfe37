package fr.vigie.app.cli;

import fr.vigie.app.VigieCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A second demo on a running demo's data folder changes nothing there and says why in one line. */
class DataDirLockTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int vigie(String... args) {
        CommandLine cli = new CommandLine(new VigieCommand());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        // a failure of the lock would start a six-minute demo: bound it
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli.execute(args));
    }

    /** config/demo.yaml with its store in our folder and the site on the given port. */
    private Path demoConfig(Path data, int sitePort) throws Exception {
        String yaml = Files.readString(Path.of("..", "config", "demo.yaml").toAbsolutePath().normalize());
        yaml = yaml.replace("path: var/demo/vigie.db", "path: " + data.resolve("vigie.db"))
                .replace("listen: 127.0.0.1:8080", "listen: 127.0.0.1:" + sitePort)
                .replace("listen: 127.0.0.1:8081", "listen: 127.0.0.1:" + freePort());
        Path file = dir.resolve("demo.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** A port free a moment ago (the config refuses port 0); the checks under test fail before any bind. */
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Test
    void aDemoStartedWhileAnotherProcessHoldsTheFolderLeavesItsStoreAlone() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path store = Files.writeString(data.resolve("vigie.db"), "the running demo's store");
        Path outbox = Files.writeString(data.resolve("alerts-outbox.db"), "the running demo's outbox");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DataDirLockHolder.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThat(vigie("demo", "--config", demoConfig(data, freePort()).toString())).as(err::toString).isEqualTo(DemoCommand.BUSY);
            assertThat(err.toString().trim()).doesNotContain("\n").contains("is in use by process " + holder.pid())
                    .contains(data.toString());
            assertThat(Files.readString(store)).isEqualTo("the running demo's store");
            assertThat(Files.readString(outbox)).isEqualTo("the running demo's outbox");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        // released with its process: the folder is free again
        try (DataDirLock again = DataDirLock.tryLock(data).orElseThrow()) {
            assertThat(DataDirLock.tryLock(data)).as("and refused twice in one JVM too").isEmpty();
        }
    }

    @Test
    void aBusySitePortIsNamedInOneLineBeforeAnythingStarts() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path store = Files.writeString(data.resolve("vigie.db"), "previous store");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThat(vigie("demo", "--config", demoConfig(data, port).toString())).as(err::toString).isEqualTo(DemoCommand.BUSY);
            assertThat(err.toString().trim()).doesNotContain("\n")
                    .contains("port " + port).contains("site.listen").doesNotContain("BindException");
        }
        assertThat(Files.readString(store)).as("nothing deleted").isEqualTo("previous store");
    }
}
