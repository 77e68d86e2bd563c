package org.estimator4j.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code --set path=value}: sets one value of the config tree before it is bound, creating objects on the way. The
 * value is read as JSON when it parses ({@code 2}, {@code [8, 4]}, {@code {"type": "adam"}}), else taken as a string;
 * a value meant as JSON (starting with {@code {} or {@code [}) that does not parse is an error saying why.
 */
final class ConfigOverrides {
    /** Strict, for --set values: a key given twice and text after the value are errors. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ConfigOverrides() {}

    static void apply(JsonNode root, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(
                    "--set " + assignment + ": expected path=value, e.g. run_config.model_dir=/tmp/m");
        }
        String[] path = assignment.substring(0, eq).split("\\.");
        String text = assignment.substring(eq + 1);
        JsonNode value;
        try {
            value = MAPPER.readTree(text);
            if (value == null || value.isMissingNode()) {
                value = MAPPER.getNodeFactory().textNode(text);
            }
        } catch (JsonProcessingException e) {
            String start = text.strip();
            if (start.startsWith("{") || start.startsWith("[")) { // meant as JSON: say why it is not
                String at = e.getLocation() == null
                        ? ""
                        : " at column " + e.getLocation().getColumnNr();
                throw new ConfigException(
                        "--set " + assignment + ": not valid JSON" + at + " of the value: " + e.getOriginalMessage(),
                        e);
            }
            value = MAPPER.getNodeFactory().textNode(text);
        }
        JsonNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = node.get(path[i]);
            if (next == null || !next.isObject()) {
                if (!(node instanceof ObjectNode o)) {
                    throw new ConfigException("--set " + assignment + ": '" + path[i] + "' is not an object");
                }
                next = o.putObject(path[i]);
            }
            node = next;
        }
        if (!(node instanceof ObjectNode o)) {
            throw new ConfigException(
                    "--set " + assignment + ": the parent of '" + path[path.length - 1] + "' is not an object");
        }
        o.set(path[path.length - 1], value);
    }
}
