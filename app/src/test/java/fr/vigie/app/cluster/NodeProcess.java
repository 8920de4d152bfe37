package fr.vigie.app.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Vigie node in its own JVM ({@code vigie run ...} with the test classpath), its output in a file. */
final class NodeProcess implements AutoCloseable {
    final String name;
    final Path log;
    private final Process process;

    private NodeProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static NodeProcess start(String name, Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // start-up speed over peak speed: these JVMs live a minute on a busy machine
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k",
                "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("java.class.path"), "fr.vigie.app.Main"));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new NodeProcess(name, log, pb.start());
    }

    /** The first group of the first line matching {@code regex}, waiting up to {@code patience}. */
    String await(String regex, Duration patience) throws IOException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = find(p);
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before '" + regex
                        + "'; its log:\n" + tail());
            }
            pause();
        }
        throw new AssertionError(name + " never logged '" + regex + "' within " + patience + "; its log:\n" + tail());
    }

    Optional<String> find(Pattern p) throws IOException {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return Optional.of(m.groupCount() > 0 ? m.group(1) : line);
            }
        }
        return Optional.empty();
    }

    /** Waits for the process to end by itself and returns its exit status. */
    int exitStatus(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + patience);
        }
        return process.exitValue();
    }

    /** kill -HUP, as {@code systemctl reload} sends it. */
    void hangup() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -HUP failed");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no goodbye to the cluster. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static void pause() {
        new CompletableFuture<Void>().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
    }

    /** SIGTERM to every node at once, then waits for each (a node's graceful stop takes up to 20 s). */
    static void closeAll(List<NodeProcess> nodes) throws InterruptedException {
        for (NodeProcess n : nodes) {
            if (n.process.isAlive()) {
                n.process.destroy();
            }
        }
        for (NodeProcess n : nodes) {
            n.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
