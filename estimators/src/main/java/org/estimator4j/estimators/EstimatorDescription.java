package org.estimator4j.estimators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.json.FeatureColumnJson;

/**
 * What an estimator is, as stable JSON text: its type, options and feature columns (in the feature-columns JSON
 * form, learned state included). Written into the model directory and export bundles, and compared on reuse.
 */
public final class EstimatorDescription {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EstimatorDescription() {}

    public static Builder builder(String estimator) {
        return new Builder(estimator);
    }

    public static final class Builder {
        private final ObjectNode root = MAPPER.createObjectNode();

        private Builder(String estimator) {
            root.put("format", 1);
            root.put("estimator", estimator);
        }

        public Builder put(String key, Object value) {
            root.set(key, MAPPER.valueToTree(value));
            return this;
        }

        /** Adds {@code key} only when {@code value} is not null, so descriptions without it stay as they were. */
        public Builder putIfNotNull(String key, Object value) {
            return value == null ? this : put(key, value);
        }

        public Builder featureColumns(String key, List<? extends FeatureColumn> columns) {
            root.set(key, FeatureColumnJson.toJson(List.copyOf(columns)));
            return this;
        }

        public String build() {
            try {
                return MAPPER.writeValueAsString(root) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot describe the estimator as JSON: " + e.getMessage(), e);
            }
        }
    }
}
