package org.estimator4j.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code "run": {"name": "lr-0.2", "tags": {"team": "risk"}}}: tag values are strings (numbers, booleans too). */
record RunSection(String name, Map<String, JsonNode> tags) {
    RunSection {
        tags = tags == null ? Map.of() : tags;
        for (Map.Entry<String, JsonNode> t : tags.entrySet()) {
            if (t.getValue() == null
                    || !t.getValue().isValueNode()
                    || t.getValue().isNull()) {
                throw ConfigBinder.Problem.at("tags." + t.getKey(), "expected a string, got " + t.getValue());
            }
        }
        try {
            labels(name, tags);
        } catch (ConfigException e) {
            throw ConfigBinder.Problem.at("", e.problem());
        }
    }

    /** The run's name and tags. */
    RunLabels labels() {
        return labels(name, tags);
    }

    private static RunLabels labels(String name, Map<String, JsonNode> tags) {
        Map<String, String> values = new LinkedHashMap<>();
        tags.forEach((k, v) -> values.put(k, v.asText()));
        return new RunLabels(name, values);
    }
}
