package org.estimator4j.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;

/**
 * {@code e4j config schema}: a JSON Schema (draft 2020-12) that the repository's example configs satisfy, and that
 * refuses what reading refuses: unknown keys, keys an estimator type does not take, wrong types.
 */
class ConfigSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES =
            Path.of(System.getProperty("e4j.repo.root", "..")).resolve("examples");

    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(ConfigSchema.schema());
    }

    private static List<Path> exampleConfigs() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json")
                            && !p.toString().contains("features")
                            && !p.toString().contains("target"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theExampleConfigsSatisfyTheSchema() throws IOException {
        List<Path> configs = exampleConfigs();
        assertTrue(configs.size() >= 4, configs.toString());
        for (Path config : configs) {
            Set<ValidationMessage> errors = schema().validate(JSON.readTree(config.toFile()));
            assertEquals(Set.of(), errors, config.toString());
        }
    }

    @Test
    void theSchemaRefusesWhatReadingRefuses() throws IOException {
        ObjectNode linear = (ObjectNode)
                JSON.readTree(EXAMPLES.resolve("census/linear.json").toFile());
        ((ObjectNode) linear.get("estimator")).putArray("hidden_units").add(8);
        assertFalse(schema().validate(linear).isEmpty(), "a LinearClassifier takes no hidden_units");

        ObjectNode typo = (ObjectNode)
                JSON.readTree(EXAMPLES.resolve("census/linear.json").toFile());
        ((ObjectNode) typo.get("data")).put("epoch", 2);
        assertFalse(schema().validate(typo).isEmpty(), "data.epoch is a typo");

        ObjectNode optimizer =
                (ObjectNode) JSON.readTree(EXAMPLES.resolve("census/dnn.json").toFile());
        ((ObjectNode) optimizer.get("estimator"))
                .putObject("optimizer")
                .put("type", "adam")
                .put("rho", 0.9);
        assertFalse(schema().validate(optimizer).isEmpty(), "adam takes no rho");

        ObjectNode type =
                (ObjectNode) JSON.readTree(EXAMPLES.resolve("census/dnn.json").toFile());
        ((ObjectNode) type.get("data")).put("batch_size", "40");
        assertFalse(schema().validate(type).isEmpty(), "batch_size is an integer");
    }

    @Test
    void theCommandPrintsTheSchema() throws IOException {
        CliRun r = CliRun.e4j("config", "schema");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode printed = JSON.readTree(r.out());
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                printed.get("$schema").asText());
        assertEquals(ConfigSchema.schema(), printed);
    }
}
