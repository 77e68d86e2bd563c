package org.estimator4j.features.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * One column as TensorFlow's {@code serialize_feature_column} writes it, {@code {"class_name": ..., "config": {...}}},
 * or, where TensorFlow allows one (a crossed column's keys), a raw feature name as a plain string.
 *
 * <p>The envelope is read by a small deserializer and a class_name-to-record table ({@link ColumnConfig#TYPES}) rather
 * than Jackson's polymorphic handling: TensorFlow puts the class name beside the config, which is Jackson's
 * {@code EXTERNAL_PROPERTY}, and that reports a missing or unknown class_name, or a missing config, in messages meant
 * for Java developers, with the path of the config rather than of the key at fault. Here each of those is refused at
 * its own key, in words a config author can act on; the config itself is bound by the ObjectMapper.
 */
@JsonDeserialize(using = ColumnJson.Reader.class)
record ColumnJson(String className, ColumnConfig config, String rawFeature) {
    static ColumnJson of(ColumnConfig config) {
        return new ColumnJson(ColumnConfig.className(config.getClass()), config, null);
    }

    static ColumnJson rawFeature(String name) {
        return new ColumnJson(null, null, name);
    }

    @JsonValue
    Object json() {
        return rawFeature != null ? rawFeature : new Wire(className, config);
    }

    /** How a column is written: class_name first, as TensorFlow does. */
    @JsonPropertyOrder({"class_name", "config"})
    private record Wire(
            @JsonProperty("class_name") String className,
            @JsonProperty("config") ColumnConfig config) {}

    static final class Reader extends StdDeserializer<ColumnJson> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(ColumnJson.class);
        }

        @Override
        public ColumnJson deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                return rawFeature(p.getText());
            }
            if (!p.isExpectedStartObjectToken()) {
                return (ColumnJson) ctxt.handleUnexpectedToken(ColumnJson.class, p);
            }
            JsonNode node = ctxt.readTree(p); // class_name may come after config (Python dicts have any order)
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("class_name") && !k.equals("config")) {
                    throw refusal(p, k, "unknown key '" + k + "'; a column object has only class_name and config");
                }
            }
            JsonNode cn = node.get("class_name");
            if (cn == null) {
                throw refusal(p, "class_name", "required key 'class_name' is missing");
            }
            if (!cn.isTextual()) {
                throw refusal(p, "class_name", "expected a class name string, got " + ColumnBinding.kind(cn));
            }
            String className = cn.textValue();
            Class<? extends ColumnConfig> type = ColumnConfig.TYPES.get(className);
            if (type == null) {
                throw refusal(
                        p,
                        "class_name",
                        "unknown class_name '" + className + "'"
                                + (ColumnBinding.UNSUPPORTED_TF.contains(className)
                                        ? " (a TensorFlow class Estimator4J does not support)"
                                        : "")
                                + "; known class names: " + String.join(", ", ColumnConfig.CLASS_NAMES));
            }
            JsonNode config = node.get("config");
            if (config == null) {
                throw refusal(p, "config", "required key 'config' of " + className + " is missing");
            }
            if (!config.isObject()) {
                throw refusal(
                        p,
                        "config",
                        "expected the config object of " + className + ", got " + ColumnBinding.kind(config));
            }
            // Jackson buffers a record's unknown keys until the record is built, so it would report the missing key
            // a misspelt one stands for ("number_buckets" for "num_buckets") rather than the misspelling: check first.
            List<String> keys = ColumnBinding.keys(type);
            for (Iterator<String> it = config.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!keys.contains(k)) {
                    throw JsonMappingException.wrapWithPath(
                            refusal(
                                    p,
                                    k,
                                    ColumnBinding.unknownKey(
                                            k, "the config of " + className + ColumnBinding.describe(config), keys)),
                            ColumnJson.class,
                            "config");
                }
            }
            try {
                return new ColumnJson(className, ctxt.readTreeAsValue(config, type), null);
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, ColumnJson.class, "config");
            }
        }

        private static JsonMappingException refusal(JsonParser p, String key, String message) {
            return JsonMappingException.wrapWithPath(new ColumnBinding.Refusal(p, message), ColumnJson.class, key);
        }
    }
}
