package org.estimator4j.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of an experiment config, made from what reading it uses: the section records
 * (keys, types, {@code @JsonProperty(required = true)}) and the option declarations of estimators and optimizers
 * ({@link EstimatorOptions}, {@link OptimizerOptions}: per type, which keys, their types, defaults and docs). Ranges
 * that the records check in code (batch_size >= 1, ...) are not repeated here; {@code e4j train} still names them.
 */
public final class ConfigSchema {
    private ConfigSchema() {}

    /** The schema, as {@code e4j config schema} prints it. */
    public static ObjectNode schema() {
        ObjectNode schema = object();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://estimator4j.org/schema/experiment-config.json");
        schema.put("title", "Estimator4J experiment config");
        schema.setAll(record(ConfigFile.class));
        return schema;
    }

    private static ObjectNode record(Class<?> type) {
        ObjectNode schema = object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = ConfigBinder.MAPPER.createArrayNode();
        for (RecordComponent c : type.getRecordComponents()) {
            String name = PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(c.getName());
            properties.set(name, special(type, name).orElseGet(() -> of(c.getGenericType())));
            JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
            if (p == null) {
                p = c.getAnnotation(JsonProperty.class);
            }
            if (p != null && p.required()) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The keys whose record type is JSON: columns, the estimator, {@code epochs}, run tags. */
    private static java.util.Optional<JsonNode> special(Class<?> owner, String name) {
        if (owner == ConfigFile.class && name.endsWith("feature_columns")) {
            ObjectNode column = object().put("type", "object");
            column.putArray("required").add("class_name").add("config");
            column.putObject("properties").set("class_name", object().put("type", "string"));
            return java.util.Optional.of(object().put("type", "array").set("items", column));
        }
        if (owner == ConfigFile.class && name.equals("estimator")) {
            return java.util.Optional.of(estimator());
        }
        if (owner == DataSection.class && name.equals("epochs")) {
            ObjectNode epochs = object().put("description", "passes over the train files, or \"forever\"");
            epochs.putArray("oneOf")
                    .add(object().put("type", "integer").put("minimum", 1))
                    .add(object().put("const", DataSection.FOREVER));
            return java.util.Optional.of(epochs);
        }
        if (owner == RunSection.class && name.equals("tags")) {
            ObjectNode value = object();
            value.putArray("type").add("string").add("number").add("boolean");
            return java.util.Optional.of(object().put("type", "object").set("additionalProperties", value));
        }
        return java.util.Optional.empty();
    }

    private static ObjectNode of(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return object().put("type", "array").set("items", of(p.getActualTypeArguments()[0]));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            ObjectNode map = object().put("type", "object");
            Type value = p.getActualTypeArguments()[1];
            return value == Object.class ? map : map.set("additionalProperties", of(value));
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return record(c);
        }
        if (type == String.class) {
            return object().put("type", "string");
        }
        if (type == Integer.class || type == Long.class) {
            return object().put("type", "integer");
        }
        if (type == Double.class) {
            return object().put("type", "number");
        }
        if (type == Boolean.class) {
            return object().put("type", "boolean");
        }
        return object();
    }

    /** Per estimator type (and optimizer type), the keys it takes: {@code if type is X then only X's keys}. */
    private static ObjectNode estimator() {
        ObjectNode schema = object().put("type", "object");
        schema.putArray("required").add("type");
        schema.putObject("properties").set("type", enumOf(EstimatorOptions.TYPES));
        schema.set("allOf", byType(EstimatorOptions.BY_TYPE, "type", null));
        return schema;
    }

    /** {@code if key is TYPE then TYPE's options}; {@code defaultType} (or null) also applies when key is absent. */
    private static ArrayNode byType(Map<String, List<OptionSpec>> types, String key, String defaultType) {
        ArrayNode cases = ConfigBinder.MAPPER.createArrayNode();
        types.forEach((type, options) -> {
            ObjectNode given = object();
            given.putObject("properties").set(key, object().put("const", type));
            given.putArray("required").add(key);
            ObjectNode when = cases.addObject();
            if (type.equals(defaultType)) {
                ObjectNode absent = object();
                absent.putObject("not").putArray("required").add(key);
                when.putObject("if").putArray("anyOf").add(given).add(absent);
            } else {
                when.set("if", given);
            }
            ObjectNode then = when.putObject("then");
            ObjectNode properties = then.putObject("properties");
            ArrayNode required = ConfigBinder.MAPPER.createArrayNode();
            for (OptionSpec o : options) {
                properties.set(o.name(), option(o));
                if (o.required()) {
                    required.add(o.name());
                }
            }
            if (!required.isEmpty()) {
                then.set("required", required);
            }
            then.put("additionalProperties", false);
        });
        return cases;
    }

    private static ObjectNode option(OptionSpec o) {
        ObjectNode schema = switch (o.type()) {
            case INTEGER -> object().put("type", "integer");
            case NUMBER -> object().put("type", "number");
            case BOOLEAN -> object().put("type", "boolean");
            case STRING -> o.allowed().isEmpty() ? object().put("type", "string") : enumOf(o.allowed());
            case INTEGER_LIST -> object().put("type", "array").set("items", object().put("type", "integer"));
            case STRING_LIST -> object().put("type", "array").set("items", object().put("type", "string"));
            case FTRL_OPTIMIZER -> optimizer(Map.of("ftrl", OptimizerOptions.BY_TYPE.get("ftrl")), "ftrl");
            case OPTIMIZER -> optimizer(OptimizerOptions.dense(), "adagrad");
            case COMPONENT -> record(ComponentSection.class);
            case COMPONENT_LIST -> object().put("type", "array").set("items", record(ComponentSection.class));
        };
        schema.put("description", o.doc());
        if (o.defaultValue() != null) {
            schema.set("default", ConfigBinder.MAPPER.valueToTree(o.defaultValue()));
        }
        return schema;
    }

    private static ObjectNode optimizer(Map<String, List<OptionSpec>> types, String defaultType) {
        ObjectNode schema = object().put("type", "object");
        schema.set("allOf", byType(types, "type", defaultType));
        return schema;
    }

    private static ObjectNode enumOf(List<String> values) {
        ObjectNode schema = object().put("type", "string");
        values.forEach(schema.putArray("enum")::add);
        return schema;
    }

    private static ObjectNode object() {
        return ConfigBinder.MAPPER.createObjectNode();
    }
}
