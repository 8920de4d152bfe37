package fr.vigie.simulator.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A scenario file: a name, a wall-clock length and faults at offsets. Loaded from YAML (unknown keys rejected);
 * every event is checked by building its fault request.
 *
 * @param name        short name
 * @param description what it replays
 * @param duration    seconds of wall clock the whole scenario lasts (at least its last fault's end)
 * @param events      the faults
 */
public record Scenario(String name, String description, double duration, List<ScenarioEvent> events) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Scenario {
        events = events == null ? List.of() : List.copyOf(events);
        for (ScenarioEvent e : events) {
            if (e.isRush()) {
                if (e.hostingGroup() == null || e.intensity() == null) {
                    throw new IllegalArgumentException("scenario " + name + ": a rush needs hostingGroup and intensity");
                }
            } else {
                e.toRequest();
            }
            if (e.at() + e.duration() > duration) {
                throw new IllegalArgumentException("scenario " + name + ": event " + e.type() + " at " + e.at()
                                                   + " ends after the scenario's duration " + duration);
            }
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public Duration length() {
        return Duration.ofMillis(Math.round(duration * 1000));
    }

    public static Scenario parse(String yaml) {
        try {
            return YAML.readValue(yaml, Scenario.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new IllegalArgumentException("invalid scenario: " + message, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    /** A scenario shipped in the simulator jar, by name (e.g. "2021-04-06"). */
    public static Scenario builtIn(String name) {
        String resource = "/scenarios/" + name + ".yaml";
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in scenario '" + name + "'");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A built-in name or a file path. */
    public static Scenario resolve(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        return Files.isRegularFile(path) ? load(path) : builtIn(nameOrPath);
    }
}
