package org.estimator4j.features.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * The ObjectMapper that binds column JSON to {@link ColumnConfig} records and back, and the translation of its
 * refusals into {@link FeatureColumnJsonException}s that name the JSON path and say what was expected.
 *
 * <p>Binding is strict where Jackson is lenient by default: no string for a number ({@code "10"}), no fraction for an
 * integer, no number or boolean for a string, no number for a boolean. Floats are read exactly: a decimal is rounded
 * to float once (from the {@code BigDecimal} the document parser keeps), and the strings "NaN", "Infinity",
 * "-Infinity" and "-0.0" are the values JSON numbers cannot hold (a {@code BigDecimal} has no -0.0); they are written
 * that way too.
 */
final class ColumnBinding {
    /** TensorFlow's serializable classes that have no Estimator4J counterpart. */
    static final Set<String> UNSUPPORTED_TF = Set.of("SequenceDenseColumn", "TruncatedNormal");

    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity", "-0.0");

    /** What a list key holds, for "expected ..." when it is not a list, and what each of its elements is. */
    private static final Map<String, String> LISTS = Map.of(
            "shape", "a list of dimensions such as [1]",
            "boundaries", "a list of numbers",
            "vocabulary_list", "a list of strings or integers",
            "keys", "a list of raw feature names and categorical columns");

    private static final Map<String, String> ELEMENTS = Map.of(
            "shape", "an integer",
            "keys", "a raw feature name or a column object");

    static final String COLUMN_OBJECT = "a column object {\"class_name\": ..., \"config\": {...}}";

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .withCoercionConfig(
                    LogicalType.Textual,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("exact-floats")
                    .addDeserializer(Float.class, new ExactReader<>(Float.class, Float::parseFloat, d -> (float) d))
                    .addDeserializer(Double.class, new ExactReader<>(Double.class, Double::parseDouble, d -> d))
                    .addSerializer(Float.class, new ExactWriter())
                    .addSerializer(Double.class, new ExactWriter()))
            .build();

    private ColumnBinding() {}

    /** {@code json} bound to {@code type}; a refusal names its path under {@code root}, e.g. "columns". */
    static <T> T read(JsonNode json, JavaType type, String root) {
        try {
            return MAPPER.readerFor(type).readValue(json);
        } catch (JsonMappingException e) {
            throw refusal(e, json, root);
        } catch (IOException e) {
            throw new FeatureColumnJsonException(root, e.getMessage(), e);
        }
    }

    /** A refusal of ours, thrown while binding: its message is the whole story, its path is Jackson's. */
    static final class Refusal extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        Refusal(JsonParser p, String message) {
            super(p, message);
        }
    }

    /** The document's view of a refusal: the path as text, and the nodes along it (null past the end). */
    private static FeatureColumnJsonException refusal(JsonMappingException e, JsonNode root, String rootPath) {
        List<JsonMappingException.Reference> refs = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null || r.getIndex() >= 0) {
                refs.add(r);
            }
        }
        List<JsonNode> nodes = new ArrayList<>(List.of(root)); // nodes.get(i): the value reached by refs[0, i)
        StringBuilder path = new StringBuilder(rootPath);
        for (JsonMappingException.Reference r : refs) {
            JsonNode at = nodes.get(nodes.size() - 1);
            if (r.getFieldName() != null) {
                path.append('.').append(r.getFieldName());
                nodes.add(at == null ? null : at.get(r.getFieldName()));
            } else {
                path.append('[').append(r.getIndex()).append(']');
                nodes.add(at == null ? null : at.get(r.getIndex()));
            }
        }
        JsonNode value = nodes.get(nodes.size() - 1);
        int last = refs.size() - 1;
        String at = path.toString();
        if (e instanceof Refusal) {
            return new FeatureColumnJsonException(at, e.getOriginalMessage(), e);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String owner = label(refs, nodes, last);
            return new FeatureColumnJsonException(
                    at,
                    unknownKey(
                            u.getPropertyName(),
                            (owner.startsWith("'") ? "" : "the config of ") + owner,
                            keys(u.getReferringClass())),
                    e);
        }
        if (e instanceof InvalidTypeIdException) { // a normalizer's kind, the only polymorphic type bound here
            JsonNode kind = value == null ? null : value.get("kind");
            if (value == null || !value.isObject()) {
                return new FeatureColumnJsonException(at, "expected an object, got " + kind(value), e);
            }
            return new FeatureColumnJsonException(
                    at + ".kind",
                    kind == null
                            ? "required key 'kind' of " + label(refs, nodes, refs.size()) + " is missing"
                            : !kind.isTextual()
                                    ? "expected a string, got " + kind(kind)
                                    : "unknown normalizer kind '" + kind.textValue()
                                            + "'; use none, standardize or min_max",
                    e);
        }
        if (e instanceof InvalidNullException && value == null) {
            return new FeatureColumnJsonException(
                    at,
                    "required key '" + refs.get(last).getFieldName() + "' of " + label(refs, nodes, last)
                            + " is missing",
                    e);
        }
        if (e.getCause() instanceof InputCoercionException c
                && value != null
                && value.isIntegralNumber()
                && (c.getTargetType() == Integer.TYPE || c.getTargetType() == Integer.class)) {
            return new FeatureColumnJsonException(
                    at, value.asText() + " is too large; the limit is " + Integer.MAX_VALUE, e);
        }
        return new FeatureColumnJsonException(at, "expected " + expected(refs) + ", got " + kind(value), e);
    }

    /**
     * How messages name the object reached by {@code refs[0, depth)}: a class's config (a column's, an initializer's)
     * by the class and key ({@code IdentityCategoricalColumn 'age'}), an object inside one by its key
     * ({@code 'normalizer' of NumericColumn 'x'}).
     */
    private static String label(List<JsonMappingException.Reference> refs, List<JsonNode> nodes, int depth) {
        JsonMappingException.Reference r = refs.get(depth - 1);
        if ("config".equals(r.getFieldName()) && nodes.get(depth - 1).has("class_name")) {
            return nodes.get(depth - 1).path("class_name").asText() + describe(nodes.get(depth));
        }
        return "'" + r.getFieldName() + "' of " + label(refs, nodes, depth - 1);
    }

    static String unknownKey(String key, String owner, List<String> known) {
        return "unknown key '" + key + "' in " + owner + "; known keys: " + String.join(", ", known);
    }

    /** " 'age'" from the config's key, or its categorical or source column's; "" if there is none. */
    static String describe(JsonNode config) {
        for (int depth = 0; depth < 8 && config != null && config.isObject(); depth++) {
            JsonNode key = config.get("key");
            if (key != null && key.isTextual()) {
                return " '" + key.textValue() + "'";
            }
            JsonNode inner =
                    config.has("categorical_column") ? config.get("categorical_column") : config.get("source_column");
            config = inner == null ? null : inner.get("config");
        }
        return "";
    }

    /** What the value at the end of {@code refs} should have been, from the record component it binds to. */
    private static String expected(List<JsonMappingException.Reference> refs) {
        int i = refs.size() - 1;
        while (i >= 0 && refs.get(i).getFieldName() == null) {
            i--;
        }
        if (i < 0) {
            return COLUMN_OBJECT;
        }
        String key = refs.get(i).getFieldName();
        if (i < refs.size() - 1) { // an element of a list
            return ELEMENTS.getOrDefault(key, "a number");
        }
        if (LISTS.containsKey(key)) {
            return LISTS.get(key);
        }
        Object from = refs.get(i).getFrom();
        Class<?> owner = from instanceof Class<?> c ? c : from.getClass();
        Class<?> type = Arrays.stream(
                        owner.getRecordComponents() == null ? new RecordComponent[0] : owner.getRecordComponents())
                .filter(c -> key.equals(jsonName(c)))
                .map(RecordComponent::getType)
                .findFirst()
                .orElse(Object.class);
        if (type == String.class) {
            return "a string";
        } else if (type == Long.class || type == Integer.class) {
            return "an integer";
        } else if (type == BigInteger.class) {
            return "an unsigned 64-bit integer";
        } else if (type == Boolean.class) {
            return "true or false";
        } else if (type == ColumnJson.class) {
            return COLUMN_OBJECT;
        } else if (type.isRecord() && type != DefaultValue.class || type.isInterface()) {
            return "an object";
        }
        return "a number"; // Float, Double, DefaultValue
    }

    /** A record's keys in component order, as its {@code @JsonProperty} names them. */
    static List<String> keys(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(ColumnBinding::jsonName)
                .toList();
    }

    private static String jsonName(RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        return p == null ? c.getName() : p.value();
    }

    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "the string " + n;
        }
        if (n.isNumber()) {
            return "the number " + n;
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /**
     * Floats and doubles: a number or one of {@link #NON_FINITE} (Jackson would also take "INF" and, with coercion, any
     * numeric string). A decimal or an integer is rounded once, from its exact text; a double another parser made (a
     * caller's tree) is narrowed as Java narrows it, as before this reader existed.
     */
    private static final class ExactReader<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parse;
        private final transient DoubleFunction<T> narrow;

        ExactReader(Class<T> type, Function<String, T> parse, DoubleFunction<T> narrow) {
            super(type);
            this.parse = parse;
            this.narrow = narrow;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isNumeric()) {
                JsonParser.NumberType t = p.getNumberType();
                return t == JsonParser.NumberType.DOUBLE || t == JsonParser.NumberType.FLOAT
                        ? narrow.apply(p.getDoubleValue())
                        : parse.apply(p.getNumberValue().toString());
            }
            if (p.hasToken(JsonToken.VALUE_STRING) && NON_FINITE.contains(p.getText())) {
                return parse.apply(p.getText());
            }
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
    }

    /** Writes what a JSON number cannot hold, and -0.0, as the strings {@link ExactReader} reads back. */
    private static final class ExactWriter extends StdScalarSerializer<Number> {
        private static final long serialVersionUID = 1L;

        ExactWriter() {
            super(Number.class);
        }

        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            double d = value.doubleValue();
            if (!Double.isFinite(d) || (d == 0 && 1 / d < 0)) {
                gen.writeString(value.toString());
            } else if (value instanceof Float f) {
                gen.writeNumber(f);
            } else {
                gen.writeNumber(d);
            }
        }
    }
}
