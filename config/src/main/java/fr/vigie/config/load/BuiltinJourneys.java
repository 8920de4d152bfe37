package fr.vigie.config.load;

import fr.vigie.config.ConfigException;
import fr.vigie.config.Journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journey templates shipped as resources under {@code fr/vigie/config/journeys/}; read with the same
 * reader as a config's own {@code journeys:}, which may add to or replace them.
 */
public final class BuiltinJourneys {
    /** Template names, in the order they are documented. */
    public static final List<String> NAMES = List.of("open-ent-ng", "open-ent-ng-write", "cas", "cas-write",
            "kosmos", "kosmos-write", "educonnect", "cned", "cned-write", "control", "public-page", "oidc", "saml-broker");
    private static final String FOLDER = "/fr/vigie/config/journeys/";

    private static volatile Map<String, Journey> cache;

    private BuiltinJourneys() {
    }

    /**
     * All shipped templates by name.
     *
     * @throws IllegalStateException when a shipped template is invalid (a bug, caught by the tests)
     */
    public static Map<String, Journey> all() {
        Map<String, Journey> journeys = cache;
        if (journeys == null) {
            journeys = loadAll();
            cache = journeys;
        }
        return journeys;
    }

    private static Map<String, Journey> loadAll() {
        Map<String, Journey> journeys = new LinkedHashMap<>();
        for (String name : NAMES) {
            Problems problems = new Problems("builtin:" + name + " ");
            LocatedTree tree = LocatedTree.parse(resource(name), problems);
            problems.locateWith(tree::lineOf);
            Node node = new Node(tree.root(), "", new Node.Context(problems,
                    new SecretResolver(Map.of(), Path.of("."))));
            Journey journey = JourneyReader.journey(name, node);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(new ConfigException(problems.errors()).getMessage());
            }
            journeys.put(name, journey);
        }
        return Map.copyOf(journeys);
    }

    private static String resource(String name) {
        try (InputStream in = BuiltinJourneys.class.getResourceAsStream(FOLDER + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing journey template resource " + FOLDER + name + ".yaml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
