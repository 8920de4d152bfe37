package fr.vigie.statuspage;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.SnapshotSource;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.StatusSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SiteRegeneratorTest {
    private static final Clock CLOCK = Clock.fixed(Fixtures.AT, ZoneOffset.UTC);

    @Test
    void aBurstOfEventsDuringAGenerationGivesOneMoreGenerationWithTheLatestState(@TempDir Path dir)
            throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger snapshots = new AtomicInteger();
        AtomicReference<StatusSnapshot> state = new AtomicReference<>(Fixtures.calm());
        SnapshotSource source = now -> {
            if (snapshots.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return state.get();
        };
        LinkedBlockingQueue<Long> published = new LinkedBlockingQueue<>();
        Path out = dir.resolve("site");
        try (SiteRegenerator regenerator = new SiteRegenerator(new SiteGenerator(Fixtures.sections(Fixtures.config())), source, out,
                CLOCK, () -> published.add(System.nanoTime()))) {
            regenerator.onVerdict(Fixtures.verdict("ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, null));
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            state.set(Fixtures.crisis());
            for (int i = 0; i < 100; i++) {
                regenerator.onIncidentEvent(new IncidentEvent("x", i, Fixtures.AT, IncidentEvent.Type.EVIDENCE_UPDATED,
                        null, null, null, null, null, "vigie"), null);
            }
            releaseFirst.countDown();
            assertThat(published.poll(20, TimeUnit.SECONDS)).isNotNull();
            assertThat(published.poll(20, TimeUnit.SECONDS)).isNotNull();
            assertThat(Files.readString(out.resolve("index.html"))).contains("Panne majeure en cours");
            assertThat(published.poll(300, TimeUnit.MILLISECONDS)).as("no third generation").isNull();
            assertThat(regenerator.generations()).isEqualTo(2);
            assertThat(snapshots.get()).isEqualTo(2);
        }
    }

    @Test
    void regeneratesPeriodicallyWithoutEvents(@TempDir Path dir) throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        try (SiteRegenerator regenerator = new SiteRegenerator(new SiteGenerator(Fixtures.sections(Fixtures.config())),
                now -> Fixtures.calm(), dir.resolve("site"), CLOCK, three::countDown)) {
            regenerator.start(Duration.ofMillis(50));
            assertThat(three.await(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dir.resolve("site").resolve("index.html")).exists();
    }

    @Test
    void aFailingSnapshotKeepsThePreviousSiteAndTheNextRequestRecovers(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch failed = new CountDownLatch(1);
        LinkedBlockingQueue<Boolean> published = new LinkedBlockingQueue<>();
        Path out = dir.resolve("site");
        SnapshotSource source = now -> {
            if (calls.incrementAndGet() == 2) {
                failed.countDown();
                throw new IllegalStateException("store unavailable");
            }
            return calls.get() == 1 ? Fixtures.calm() : Fixtures.crisis();
        };
        try (SiteRegenerator regenerator = new SiteRegenerator(new SiteGenerator(Fixtures.sections(Fixtures.config())), source, out,
                CLOCK, () -> published.add(true))) {
            regenerator.request();
            assertThat(published.poll(20, TimeUnit.SECONDS)).isNotNull();
            regenerator.request();
            assertThat(failed.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(out.resolve("index.html"))).contains("Tous les services fonctionnent");
            regenerator.request();
            assertThat(published.poll(20, TimeUnit.SECONDS)).isNotNull();
            assertThat(calls.get()).isEqualTo(3);
            assertThat(Files.readString(out.resolve("index.html"))).contains("Panne majeure en cours");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
