package org.estimator4j.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of one JSON object of an experiment config: every read names the key, a wrong type or a missing
 * required key is an error with the JSON path, and {@link #done()} refuses keys nobody read (a typo must not be
 * silently ignored). Every value read is also kept, with the default when the key is absent, in {@link #effective()}:
 * the config as it is used, which {@code e4j config show} prints.
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;
    private static final com.fasterxml.jackson.databind.ObjectMapper VALUES =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final Set<String> read = new HashSet<>();
    private final ObjectNode effective = JsonNodeFactory.instance.objectNode();

    ConfigNode(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(path + ": expected a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    /** The values read so far, defaults filled in, in the order they were read. */
    ObjectNode effective() {
        return effective;
    }

    /** Records {@code value} as the effective value of {@code key} (a default, or a value normalised by the reader). */
    void effective(String key, JsonNode value) {
        if (value != null && !value.isNull()) {
            effective.set(key, value);
        }
    }

    /** {@code key}'s object, or an empty one when absent: its readers' defaults still show in {@link #effective()}. */
    ConfigNode objectOrEmpty(String key) {
        read.add(key);
        ConfigNode child = node.hasNonNull(key) ? new ConfigNode(node.get(key), path + "." + key)
                : new ConfigNode(JsonNodeFactory.instance.objectNode(), path + "." + key);
        effective.set(key, child.effective);
        return child;
    }

    boolean has(String key) {
        read.add(key);
        return node.hasNonNull(key);
    }

    JsonNode raw(String key) {
        read.add(key);
        effective(key, node.get(key) == null ? null : node.get(key).deepCopy());
        return node.get(key);
    }

    ConfigNode object(String key) {
        read.add(key);
        if (!node.hasNonNull(key)) {
            throw new ConfigException(path + "." + key + ": missing; it is required");
        }
        ConfigNode child = new ConfigNode(node.get(key), path + "." + key);
        effective.set(key, child.effective);
        return child;
    }

    ConfigNode optionalObject(String key) {
        return has(key) ? object(key) : null;
    }

    String string(String key, String fallback) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return defaulted(key, fallback);
        }
        if (!v.isTextual()) {
            throw new ConfigException(path + "." + key + ": expected a string, got " + v);
        }
        return v.textValue();
    }


    String requiredString(String key) {
        String s = string(key, null);
        if (s == null) {
            throw new ConfigException(path + "." + key + ": missing; it is required");
        }
        return s;
    }

    Long longValue(String key, Long fallback) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return defaulted(key, fallback);
        }
        if (!v.isIntegralNumber()) {
            throw new ConfigException(path + "." + key + ": expected an integer, got " + v);
        }
        if (!v.canConvertToLong()) { // longValue() would wrap around
            throw notAllowed(key, v, "the largest allowed is " + Long.MAX_VALUE);
        }
        return v.longValue();
    }

    int intValue(String key, int fallback) {
        Long v = longValue(key, (long) fallback);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new ConfigException(path + "." + key + ": " + v + " is out of range");
        }
        return v.intValue();
    }

    double doubleValue(String key, double fallback) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return defaulted(key, fallback);
        }
        if (!v.isNumber()) {
            throw new ConfigException(path + "." + key + ": expected a number, got " + v);
        }
        return v.doubleValue();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return defaulted(key, fallback);
        }
        if (!v.isBoolean()) {
            throw new ConfigException(path + "." + key + ": expected true or false, got " + v);
        }
        return v.booleanValue();
    }

    List<String> strings(String key, List<String> fallback) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return defaulted(key, fallback);
        }
        if (!v.isArray()) {
            throw new ConfigException(path + "." + key + ": expected a list of strings, got " + v);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new ConfigException(path + "." + key + "[" + i + "]: expected a string, got " + v.get(i));
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }

    List<Integer> ints(String key, List<Integer> fallback) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            return defaulted(key, fallback);
        }
        if (!v.isArray()) {
            throw new ConfigException(path + "." + key + ": expected a list of integers, got " + v);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isIntegralNumber() || !v.get(i).canConvertToInt()) {
                throw new ConfigException(path + "." + key + "[" + i + "]: expected an integer, got " + v.get(i));
            }
            out.add(v.get(i).intValue());
        }
        return out;
    }

    /** An integer of at least {@code min}; {@code use} says what to give instead ("use a positive number of rows"). */
    int intAtLeast(String key, int fallback, int min, String use) {
        long v = longAtLeast(key, (long) fallback, min, use);
        if (v > Integer.MAX_VALUE) {
            throw notAllowed(key, v, "the largest allowed is " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    /** An integer of at least {@code min}, or {@code fallback} (which may be null) when the key is absent. */
    Long longAtLeast(String key, Long fallback, long min, String use) {
        Long v = longValue(key, fallback);
        if (v != null && v < min && has(key)) {
            throw notAllowed(key, v, use);
        }
        return v;
    }

    /** A finite number {@code ok} accepts; {@code use} says which range is valid. */
    double number(String key, double fallback, java.util.function.DoublePredicate ok, String use) {
        double v = doubleValue(key, fallback);
        if (!Double.isFinite(v) || !ok.test(v)) {
            throw notAllowed(key, raw(key), use);
        }
        return v;
    }

    /** {@code path.key: VALUE is not allowed; USE}: the message of every out-of-range value. */
    ConfigException notAllowed(String key, Object value, String use) {
        return new ConfigException(path + "." + key + ": " + value + " is not allowed; " + use);
    }

    /** Records a default as the effective value of an absent key. */
    private <T> T defaulted(String key, T fallback) {
        if (fallback != null) {
            effective(key, VALUES.valueToTree(fallback));
        }
        return fallback;
    }

    /** Refuses keys that were never read: they are typos or options this version does not have. */
    void done() {
        Iterator<String> names = node.fieldNames();
        List<String> unknown = new ArrayList<>();
        while (names.hasNext()) {
            String n = names.next();
            if (!read.contains(n)) {
                unknown.add(n);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(path + ": unknown key" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + "; known keys: " + read.stream().sorted().toList());
        }
    }
}
