package org.estimator4j.api.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ordered, named and typed columns of a table. Immutable and shared by every {@link Example} and {@link Batch} of a
 * dataset, so per-row objects carry no names.
 *
 * <p>A schema also fixes how an {@link Example} stores its values without boxing: scalar numbers live in a
 * {@code long[]} (doubles as their raw bits) and everything else (strings, fixed-size arrays, variable-length lists) in
 * an {@code Object[]}; the missing-value bits follow the numbers in the same {@code long[]}.
 *
 * @since 0.1.0
 */
public final class Schema {
    private final List<Field> fields;
    private final Map<String, Integer> indexByName;
    private final int[] slot;
    private final boolean[] primitive;
    private final int primitiveSlots;
    private final int referenceSlots;

    private Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
        this.indexByName = new HashMap<>();
        this.slot = new int[fields.size()];
        this.primitive = new boolean[fields.size()];
        int prims = 0;
        int refs = 0;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Integer previous = indexByName.put(f.name(), i);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate column name '" + f.name() + "' at positions "
                        + (previous + 1) + " and " + (i + 1) + "; column names must be unique");
            }
            boolean prim = f.dtype().isNumeric() && f.shape().isScalar();
            primitive[i] = prim;
            slot[i] = prim ? prims++ : refs++;
        }
        this.primitiveSlots = prims;
        this.referenceSlots = refs;
    }

    public static Schema of(Field... fields) {
        return new Schema(Arrays.asList(fields));
    }

    public static Schema of(List<Field> fields) {
        requireNonNull(fields, "fields is null");
        return new Schema(fields);
    }

    public List<Field> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    public Field field(String name) {
        return fields.get(indexOf(name));
    }

    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    public boolean contains(String name) {
        return indexByName.containsKey(name);
    }

    /** The position of a column; throws with the known names when there is none. */
    public int indexOf(String name) {
        Integer i = indexByName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are " + names());
        }
        return i;
    }

    /** A schema with only the named columns, in the order given. */
    public Schema select(Collection<String> names) {
        List<Field> selected = new ArrayList<>(names.size());
        for (String n : names) {
            selected.add(field(n));
        }
        return new Schema(selected);
    }

    /** A schema without the named columns; names not present are an error. */
    public Schema drop(Collection<String> names) {
        Set<String> dropped = new LinkedHashSet<>(names);
        for (String n : dropped) {
            indexOf(n);
        }
        return new Schema(
                fields.stream().filter(f -> !dropped.contains(f.name())).toList());
    }

    // Storage layout for Example; package-private because it is an implementation detail.
    boolean isPrimitive(int index) {
        return primitive[index];
    }

    int slot(int index) {
        return slot[index];
    }

    int primitiveSlots() {
        return primitiveSlots;
    }

    int referenceSlots() {
        return referenceSlots;
    }

    int missingWords() {
        return (fields.size() + 63) >>> 6;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && s.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
