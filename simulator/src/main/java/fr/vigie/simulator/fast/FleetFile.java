package fr.vigie.simulator.fast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.vigie.simulator.Capacity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the targets of a Vigie config file (id, journey, hosting-group) as a fast-mode fleet, without depending on
 * the config module: only those three keys are read, every host gets {@link Capacity#standard()}.
 */
public final class FleetFile {
    private FleetFile() {
    }

    public static List<FastTarget> read(Path configYaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(configYaml.toFile());
        JsonNode targets = root == null ? null : root.get("targets");
        if (targets == null || !targets.isArray()) {
            throw new IllegalArgumentException(configYaml + ": no targets list");
        }
        List<FastTarget> fleet = new ArrayList<>();
        for (JsonNode t : targets) {
            String id = text(t, "id", configYaml);
            fleet.add(new FastTarget(id, text(t, "journey", configYaml), text(t, "hosting-group", configYaml),
                    Capacity.standard()));
        }
        return fleet;
    }

    private static String text(JsonNode node, String key, Path file) {
        JsonNode v = node.get(key);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": a target lacks '" + key + "'");
        }
        return v.asText();
    }
}
