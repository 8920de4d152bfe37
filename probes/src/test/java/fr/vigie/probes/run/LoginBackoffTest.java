package fr.vigie.probes.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A rejected login's pause survives a restart, and ends on time. */
class LoginBackoffTest {
    @TempDir
    Path dir;

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aPauseSurvivesARestartThenEnds() throws Exception {
        Path file = dir.resolve("var/login-backoff.properties");
        LoginBackoff before = LoginBackoff.persistent(Duration.ofMinutes(30), at("2021-04-06T06:00:00Z"), file);
        Instant until = before.pause("ent-idf");
        assertThat(until).isEqualTo(Instant.parse("2021-04-06T06:30:00Z"));
        assertThat(before.saved(Duration.ofSeconds(10))).isTrue();
        assertThat(Files.readString(file)).contains("ent-idf").doesNotContain("password");

        LoginBackoff afterRestart = LoginBackoff.persistent(Duration.ofMinutes(30), at("2021-04-06T06:10:00Z"), file);
        assertThat(afterRestart.pausedUntil("ent-idf")).contains(until);
        assertThat(afterRestart.pausedUntil("ent-hdf")).isEmpty();

        LoginBackoff muchLater = LoginBackoff.persistent(Duration.ofMinutes(30), at("2021-04-06T06:31:00Z"), file);
        assertThat(muchLater.pausedUntil("ent-idf")).isEmpty();
    }

    @Test
    void aPauseRecordedOnTheEventLoopNeverWaitsForTheDisk() throws Exception {
        // The file is written through a named pipe nobody reads yet: a write on the caller's thread would block.
        Path file = dir.resolve("login-backoff.properties");
        Path pipe = dir.resolve("login-backoff.properties.tmp");
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo(pipe), "mkfifo unavailable");
        LoginBackoff b = LoginBackoff.persistent(Duration.ofMinutes(30), at("2021-04-06T06:00:00Z"), file);
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<Instant> paused = new CompletableFuture<>();
            vertx.runOnContext(v -> paused.complete(b.pause("ent-idf")));
            assertThat(paused.get(10, TimeUnit.SECONDS)).as("returned on the event loop at once")
                    .isEqualTo(Instant.parse("2021-04-06T06:30:00Z"));
            assertThat(Files.readString(pipe)).as("written meanwhile by the back-off's own thread").contains("ent-idf");
            assertThat(b.saved(Duration.ofSeconds(10))).isTrue();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static boolean mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        mk.getInputStream().readAllBytes();
        return mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0;
    }

    @Test
    void aDamagedFileStartsWithoutPausesInsteadOfFailing() throws Exception {
        Path file = dir.resolve("login-backoff.properties");
        Files.writeString(file, "ent-idf=not-a-time\n");
        LoginBackoff b = LoginBackoff.persistent(Duration.ofMinutes(30), at("2021-04-06T06:00:00Z"), file);
        assertThat(b.pausedUntil("ent-idf")).isEmpty();
        b.pause("ent-idf");
        assertThat(b.pausedUntil("ent-idf")).isPresent();
        assertThat(b.saved(Duration.ofSeconds(10))).as("the new file is written, in the background").isTrue();
    }

    @Test
    void aSecondRejectionInARowPausesForADayEvenAcrossARestartAndAnAcceptedLoginStartsAgain()
            throws InterruptedException {
        Path file = dir.resolve("login-backoff.properties");
        LoginBackoff first = LoginBackoff.persistent(Duration.ofMinutes(30), at("2021-04-06T06:00:00Z"), file);
        assertThat(first.pause("ent-idf")).isEqualTo(Instant.parse("2021-04-06T06:30:00Z"));
        assertThat(first.saved(Duration.ofSeconds(10))).isTrue();

        LoginBackoff restarted = LoginBackoff.persistent(Duration.ofMinutes(30), at("2021-04-06T06:31:00Z"), file);
        assertThat(restarted.rejectionsInARow("ent-idf")).isEqualTo(1);
        assertThat(restarted.pause("ent-idf")).isEqualTo(Instant.parse("2021-04-07T06:31:00Z"));
        assertThat(restarted.saved(Duration.ofSeconds(10))).isTrue();

        LoginBackoff again = LoginBackoff.persistent(Duration.ofMinutes(30), at("2021-04-07T06:32:00Z"), file);
        assertThat(again.rejectionsInARow("ent-idf")).isEqualTo(2);
        again.accepted("ent-idf");
        assertThat(again.saved(Duration.ofSeconds(10))).isTrue();
        LoginBackoff afterSuccess = LoginBackoff.persistent(Duration.ofMinutes(30), at("2021-04-07T06:33:00Z"), file);
        assertThat(afterSuccess.rejectionsInARow("ent-idf")).isZero();
        assertThat(afterSuccess.pause("ent-idf")).isEqualTo(Instant.parse("2021-04-07T07:03:00Z"));
        // the writer thread finishes before the test's folder is deleted
        assertThat(afterSuccess.saved(Duration.ofSeconds(10))).isTrue();
    }
}
