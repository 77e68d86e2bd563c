package org.estimator4j.features.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An embedding column's {@code initializer} as Keras serializes it. Only TensorFlow's default is accepted, which
 * {@code EmbeddingTables} reproduces: truncated normal with mean 0 and stddev 1/sqrt(dimension), no seed, float32.
 */
record Initializer(
        @JsonProperty("class_name") @Required String className,
        @JsonProperty("config") @Required Config config) {
    record Config(
            @JsonProperty("mean") Double mean,
            @JsonProperty("stddev") Double stddev,
            @JsonProperty("seed") JsonNode seed,
            @JsonProperty("dtype") String dtype) {}

    static Initializer defaultFor(int dimension) {
        return new Initializer("TruncatedNormal", new Config(0.0, 1 / Math.sqrt(dimension), null, "float32"));
    }

    boolean isDefaultFor(int dimension) {
        return className.equals("TruncatedNormal")
                && (config.mean == null || config.mean == 0)
                && config.stddev != null
                && Math.abs(config.stddev * Math.sqrt(dimension) - 1) < 1e-6
                && (config.seed == null || config.seed.isNull())
                && (config.dtype == null || config.dtype.equals("float32"));
    }

    /** What the refusal of any other initializer says. */
    static String expected(int dimension) {
        return "only TensorFlow's default initializer is supported ({\"class_name\": \"TruncatedNormal\", "
                + "\"config\": {\"mean\": 0.0, \"stddev\": 1/sqrt(dimension) = " + 1 / Math.sqrt(dimension)
                + ", \"seed\": null, \"dtype\": \"float32\"}}, or null)";
    }
}
