package org.estimator4j.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A component a config names ({@code {"type": "early_stopping", "name": ..., "params": {...}}}): a loss, metric, layer
 * or callback from the plugin registry. {@code name} (what its results go under) defaults to the type.
 */
record ComponentSection(@JsonProperty(required = true) String type, String name, Map<String, Object> params) {
    ComponentSection {
        ConfigBinder.required("type", type);
        name = name == null ? type : name;
        params = params == null ? Map.of() : params;
    }
}
