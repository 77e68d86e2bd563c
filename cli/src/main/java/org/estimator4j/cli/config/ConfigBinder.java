package org.estimator4j.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binds a config tree (after the {@code --set} overrides) to the section records through Jackson, strictly: no
 * coercion between strings, numbers and booleans, no fractions for integers, no null list elements, unknown keys
 * refused. Jackson's exceptions are turned into the config's own messages, each naming the JSON path in the file
 * ({@code experiment.json.data.epochs: expected an integer, got "two"}); the records' constructors check ranges and
 * required keys by throwing a {@link Problem}, which is located the same way. The raw tree is kept to quote a value as
 * the user wrote it ({@code 1}, not {@code 1.0}).
 */
final class ConfigBinder {
    /** Records serialise in snake_case, without absent keys: the effective config {@code e4j config show} prints. */
    static final ObjectMapper MAPPER = strictMapper();

    private ConfigBinder() {}

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .build();
        for (LogicalType type :
                List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // An integer is a fine number (1 for 1.0), and text is text.
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        return mapper;
    }

    /**
     * What a record's constructor refuses: the value under {@code key} (relative to the record's object, e.g.
     * {@code hidden_units[1]}), with {@code message} after the path. The binder adds the object's path.
     */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String key;
        final boolean quoteValue;

        private Problem(String key, String message, boolean quoteValue) {
            super(message, null, false, false);
            this.key = key;
            this.quoteValue = quoteValue;
        }

        /** {@code path.key: VALUE is not allowed; USE}. */
        static Problem notAllowed(String key, String use) {
            return new Problem(key, " is not allowed; " + use, true);
        }

        /** {@code path.key: MESSAGE}. */
        static Problem at(String key, String message) {
            return new Problem(key, message, false);
        }

        /** {@code path.key: missing; it is required}. */
        static Problem missing(String key) {
            return at(key, "missing; it is required");
        }
    }

    /** {@code value}, or {@link Problem#missing} when the config does not give it. */
    static <T> T required(String key, T value) {
        if (value == null || value instanceof JsonNode n && n.isNull()) {
            throw Problem.missing(key);
        }
        return value;
    }

    /** An integer of at least {@code min}, {@code fallback} when absent (null: stays absent). */
    static Integer atLeast(String key, Integer value, Integer fallback, int min, String use) {
        Long checked = atLeast(
                key,
                value == null ? null : value.longValue(),
                fallback == null ? null : fallback.longValue(),
                min,
                use);
        return checked == null ? null : checked.intValue();
    }

    /** A long of at least {@code min}, {@code fallback} when absent (null: stays absent). */
    static Long atLeast(String key, Long value, Long fallback, long min, String use) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw Problem.notAllowed(key, use);
        }
        return value;
    }

    /** A finite number {@code ok} accepts, {@code fallback} when absent. */
    static Double number(String key, Double value, Double fallback, java.util.function.DoublePredicate ok, String use) {
        if (value == null) {
            return fallback;
        }
        if (!Double.isFinite(value) || !ok.test(value)) {
            throw Problem.notAllowed(key, use);
        }
        return value;
    }

    /** {@code tree} as {@code type}; {@code path} (the file name, or the file and the section) starts every message. */
    static <T> T bind(JsonNode tree, Class<T> type, String path) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String at = path + located(e.getPath(), 1);
            JsonNode object = tree.at(pointer(e.getPath(), 1));
            List<String> unknown = new ArrayList<>();
            Collection<Object> known = e.getKnownPropertyIds();
            object.fieldNames().forEachRemaining(n -> {
                if (!known.contains(n)) {
                    unknown.add(n);
                }
            });
            throw new ConfigException(
                    at + ": unknown key" + (unknown.size() > 1 ? "s " : " ") + unknown + "; known keys: "
                            + new TreeSet<>(known.stream().map(String::valueOf).toList()),
                    e);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof Problem p) {
                String at =
                        path + located(e.getPath(), 0) + (p.key.isEmpty() || p.key.startsWith("[") ? "" : ".") + p.key;
                String value = p.quoteValue
                        ? String.valueOf(
                                tree.at(pointer(e.getPath(), 0).append(JsonPointer.compile(keyPointer(p.key)))))
                        : "";
                throw new ConfigException(at + ": " + value + p.getMessage(), e);
            }
            if (e.getCause() instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException(path + located(e.getPath(), 0) + ": " + e.getOriginalMessage(), e);
        } catch (MismatchedInputException e) {
            String at = path + located(e.getPath(), 0);
            JsonNode value = tree.at(pointer(e.getPath(), 0));
            Type target = targetOf(e.getPath(), e.getTargetType());
            throwIfOutOfRange(e, at, value, target);
            java.util.regex.Matcher missing = java.util.regex.Pattern.compile(
                            "^Missing required creator property " + "'([^']+)'")
                    .matcher(String.valueOf(e.getOriginalMessage()));
            if (missing.find()) { // a key the record declares @JsonProperty(required = true)
                throw new ConfigException(at + ": missing; it is required", e); // the path ends at the key
            }
            if (target instanceof Class<?> c && c.isRecord()) {
                throw new ConfigException(at + ": expected a JSON object", e);
            }
            throw new ConfigException(at + ": expected " + describe(target) + ", got " + value, e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof ConfigException c) {
                throw c;
            }
            throwIfOutOfRange(
                    e, path + located(e.getPath(), 0), tree.at(pointer(e.getPath(), 0)), targetOf(e.getPath(), null));
            throw new ConfigException(path + located(e.getPath(), 0) + ": " + e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(path + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A number too large for its Java type: {@code 3000000000 is not allowed; the largest allowed is ...}. */
    private static void throwIfOutOfRange(JsonMappingException e, String at, JsonNode value, Type target) {
        if (e.getCause() instanceof InputCoercionException
                || String.valueOf(e.getOriginalMessage()).contains("out of range")) {
            throw new ConfigException(
                    at + ": " + value + " is not allowed; the largest allowed is "
                            + (target == Integer.class || target == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE),
                    e);
        }
    }

    /** {@code .data.train_files[2]}: the references, without the last {@code drop}. */
    private static String located(List<JsonMappingException.Reference> refs, int drop) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : refs.subList(0, refs.size() - drop)) {
            out.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return out.toString();
    }

    private static JsonPointer pointer(List<JsonMappingException.Reference> refs, int drop) {
        JsonPointer p = JsonPointer.empty();
        for (JsonMappingException.Reference r : refs.subList(0, refs.size() - drop)) {
            p = r.getFieldName() != null ? p.appendProperty(r.getFieldName()) : p.appendIndex(r.getIndex());
        }
        return p;
    }

    /** {@code hidden_units[1]} as a JSON pointer: {@code /hidden_units/1}. */
    private static String keyPointer(String key) {
        return "/" + key.replace("[", "/").replace("]", "").replaceFirst("^/", "");
    }

    /** The declared (generic) type of the value at the end of {@code refs}, or {@code fallback}. */
    private static Type targetOf(List<JsonMappingException.Reference> refs, Class<?> fallback) {
        int last = refs.size() - 1;
        int field = last;
        while (field >= 0 && refs.get(field).getFieldName() == null) {
            field--;
        }
        if (field < 0) {
            return fallback;
        }
        JsonMappingException.Reference r = refs.get(field);
        Class<?> owner = r.getFrom() instanceof Class<?> c
                ? c
                : r.getFrom() == null ? null : r.getFrom().getClass();
        Type type = fallback;
        if (owner != null && owner.isRecord()) {
            for (RecordComponent c : owner.getRecordComponents()) {
                if (PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE
                        .translate(c.getName())
                        .equals(r.getFieldName())) {
                    type = c.getGenericType();
                }
            }
        }
        for (int i = field; i < last && type instanceof ParameterizedType p; i++) { // into list elements
            type = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
        }
        return type;
    }

    /** {@code a string}, {@code a list of integers}: what a message says a key takes. */
    static String describe(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            String element = describe(p.getActualTypeArguments()[0]);
            return "a list of "
                    + switch (element) {
                        case "true or false" -> "booleans";
                        default -> element.replaceFirst("^an? ", "") + "s";
                    };
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return "an object of name to value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a value of another type";
    }
}
