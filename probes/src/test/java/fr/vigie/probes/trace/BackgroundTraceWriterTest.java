package fr.vigie.probes.trace;

import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The trace under {@code --record} through a named pipe that nobody reads for a while, standing for a disk that
 * stalls: the probes' thread never waits, at most the queue's bound waits, and what was queued arrives in order.
 */
class BackgroundTraceWriterTest {
    @TempDir
    Path dir;

    @Test
    void aStalledTraceFileNeverBlocksTheCallerAndKeepsOrderWithinTheBound() throws Exception {
        Path pipe = dir.resolve("trace.jsonl");
        Process mk = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
        mk.getInputStream().readAllBytes();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo unavailable");

        CountDownLatch startReading = new CountDownLatch(1);
        CompletableFuture<Long> linesRead = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = Files.newBufferedReader(pipe, StandardCharsets.UTF_8)) {
                startReading.await();
                long n = 0;
                int previous = -1;
                for (String line; (line = in.readLine()) != null; n++) {
                    int run = Integer.parseInt(line.replaceFirst(".*\"run\":\"r(\\d+)\".*", "$1"));
                    assertThat(run).as("in order").isGreaterThan(previous);
                    previous = run;
                }
                return n;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        TraceWriter file = TraceWriter.append(pipe); // opens once the reader has opened its end
        BackgroundTraceWriter trace = new BackgroundTraceWriter(file, 1_000);
        int written = 20_000; // about 8 MB: far more than the pipe's 64 KB buffer
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < written; i++) {
                trace.write(result(i));
            }
        }, "write() waited for the stalled file");
        assertThat(trace.dropped()).as("past the bound, dropped and counted").isPositive();

        startReading.countDown();
        trace.close();
        long read = linesRead.get(30, TimeUnit.SECONDS);
        assertThat(read + trace.dropped()).isEqualTo(written);
    }

    private static StepResult result(int i) {
        StepResult p = TraceRoundTripTest.plain();
        return new StepResult(p.ts(), p.scheduled(), p.target(), p.vantage(), p.journey(), "r" + i, p.step(),
                p.kind(), p.outcome(), p.status(), p.signature(), p.dnsMs(), p.connectMs(), p.tlsMs(), p.ttfbMs(),
                p.totalMs(), p.bytes(), p.maintenance(), p.queuePosition(), p.queueWaitS(),
                "x".repeat(300));
    }
}
