package fr.vigie.app.ops;

import fr.vigie.app.Main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code vigie run} in its own JVM, as production runs it, with its log in a file. */
final class VigieProcess implements AutoCloseable {
    final Process process;
    final Path log;
    final Path trace;

    private VigieProcess(Process process, Path log, Path trace) {
        this.process = process;
        this.log = log;
        this.trace = trace;
    }

    static VigieProcess run(Path config, Path dir, String token) throws IOException {
        Path log = dir.resolve("vigie.log");
        Path trace = dir.resolve("trace.jsonl");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.net.preferIPv4Stack=true",
                Main.class.getName(), "run", "--config", config.toString(), "--record", trace.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("VIGIE_ADMIN_TOKEN", token);
        return new VigieProcess(pb.start(), log, trace);
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    List<String> traceLines() throws IOException {
        return Files.exists(trace) ? Files.readAllLines(trace, StandardCharsets.UTF_8).stream()
                .filter(l -> l.endsWith("}")).toList() : List.of();
    }

    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    /** Waits for the condition, failing with the child's log when it does not come. */
    void await(String what, Duration patience, Check condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.ok()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError(what + " did not happen in " + patience + (process.isAlive() ? ""
                        : " (process exited " + process.exitValue() + ")") + "; log:\n" + logText());
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling interval of a deadline-bounded poll
        }
    }

    @FunctionalInterface
    interface Check {
        boolean ok() throws Exception;
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
