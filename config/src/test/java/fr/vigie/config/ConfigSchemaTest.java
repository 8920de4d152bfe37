package fr.vigie.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/config.schema.json accepts the shipped files and templates, and rejects what the loader rejects. */
class ConfigSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final JsonSchema schema = schema();

    private static JsonSchema schema() {
        try {
            JsonNode node = new ObjectMapper().readTree(Files.readString(Path.of("../docs/config.schema.json")));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<ValidationMessage> validate(Path yaml) throws IOException {
        return schema.validate(YAML.readTree(yaml.toFile()));
    }

    @Test
    void shippedConfigsValidate() throws IOException {
        assertThat(validate(Path.of("france.yaml"))).isEmpty();
        assertThat(validate(Path.of("demo.yaml"))).isEmpty();
    }

    @Test
    void shippedJourneyTemplatesValidate() throws IOException {
        for (String name : ConfigLoader.builtinJourneys().keySet()) {
            try (InputStream in = getClass().getResourceAsStream("/fr/vigie/config/journeys/" + name + ".yaml")) {
                ObjectNode config = YAML.createObjectNode();
                config.putObject("journeys").set(name, YAML.readTree(in));
                config.putArray("targets").addObject().put("id", "t").put("kind", "ent")
                        .put("base-url", "http://127.0.0.1:1").put("journey", name);
                assertThat(schema.validate(config)).as(name).isEmpty();
            }
        }
    }

    @Test
    void schemaRejectsUnknownKeysWrongEnumsAndStepsWithoutAction() throws IOException {
        Path invalid = Path.of("src/test/resources/invalid");
        for (String file : new String[] {"unknown-top-level-key", "unknown-key-with-hint", "bad-enum",
                "step-without-action", "step-with-two-actions", "cron-and-every", "bad-duration", "bad-id",
                "no-targets", "bad-signature-category", "bad-holiday-zone", "wrong-type-mapping"}) {
            assertThat(validate(invalid.resolve(file + ".yaml"))).as(file).isNotEmpty();
        }
    }
}
