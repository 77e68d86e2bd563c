package org.estimator4j.api.table;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code paddedBatch} turns variable-length columns into dense ones: each row's list is padded to the longest in
 * the batch (or to a fixed length per column) with a padding value (0 for numbers, "" for strings unless set). Like
 * TensorFlow's {@code padded_batch}. Immutable; {@code with*} methods return a new instance.
 *
 * <pre>{@code
 * Padding padding = Padding.defaults().withLength("tokens", 16).withValue("tokens", "<pad>");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Padding {
    private static final Padding DEFAULTS = new Padding(Map.of(), Map.of());

    private final Map<String, Object> values;
    private final Map<String, Integer> lengths;

    private Padding(Map<String, Object> values, Map<String, Integer> lengths) {
        this.values = values;
        this.lengths = lengths;
    }

    public static Padding defaults() {
        return DEFAULTS;
    }

    /** Pads column {@code name} with {@code value} (a Number for numeric columns, a String for string ones). */
    public Padding withValue(String name, Object value) {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        Map<String, Object> v = new HashMap<>(values);
        v.put(name, value);
        return new Padding(Map.copyOf(v), lengths);
    }

    /** Pads column {@code name} to exactly {@code length} values; a longer row is an error. */
    public Padding withLength(String name, int length) {
        requireNonNull(name, "name is null");
        if (length < 1) {
            throw new IllegalArgumentException("padded length must be >= 1, got " + length);
        }
        Map<String, Integer> l = new HashMap<>(lengths);
        l.put(name, length);
        return new Padding(values, Map.copyOf(l));
    }

    /** The padded batch of these rows: every variable-length column becomes a dense [length] column. */
    public Batch batch(List<Example> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot batch zero rows");
        }
        return Batch.assemble(rows.get(0).schema(), rows, this);
    }

    Object valueFor(Field f) {
        Object v = values.get(f.name());
        if (v == null) {
            return f.dtype() == DType.STRING ? "" : (Object) 0L;
        }
        return v;
    }

    Integer lengthFor(Field f) {
        return lengths.get(f.name());
    }

    void checkColumns(Schema schema) {
        for (String name : values.keySet()) {
            schema.indexOf(name);
        }
        for (String name : lengths.keySet()) {
            schema.indexOf(name);
        }
    }
}
