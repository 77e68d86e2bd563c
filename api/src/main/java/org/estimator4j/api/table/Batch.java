package org.estimator4j.api.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A columnar batch of rows: one {@link Column} of primitive arrays per field of its {@link Schema}. This is what a
 * dataset hands to feature columns and models. Immutable (the arrays are shared, not copied: do not modify them).
 *
 * <pre>{@code
 * Dataset<Batch> batches = rows.batch(256, false, Batch::of);
 * FloatColumn age = batches.iterator().next().floatColumn("age");
 * }</pre>
 *
 * Iterating a batch yields its rows as {@link Example}s, which is how {@code unbatch} works.
 *
 * @since 0.1.0
 */
public final class Batch implements Iterable<Example> {
    private final Schema schema;
    private final int numRows;
    private final Column[] columns;
    // The rows' RowOrigin values (file and line), or null when no row came from a file.
    private final long[] origins;

    /** Wraps columns (one per schema field, in order, each with {@code numRows} rows) without copying. */
    public Batch(Schema schema, int numRows, List<? extends Column> columns) {
        this(schema, numRows, columns, null);
    }

    /**
     * Wraps columns like {@link #Batch(Schema, int, List)}, with where each row was read from ({@link RowOrigin}
     * values, one per row; null when unknown), shared, not copied.
     */
    public Batch(Schema schema, int numRows, List<? extends Column> columns, long[] origins) {
        this.schema = requireNonNull(schema, "schema is null");
        this.numRows = numRows;
        this.columns = columns.toArray(new Column[0]);
        if (origins != null && origins.length != numRows) {
            throw new IllegalArgumentException("origins has " + origins.length + " entries for " + numRows + " rows");
        }
        this.origins = origins;
        if (this.columns.length != schema.size()) {
            throw new IllegalArgumentException(
                    "schema has " + schema.size() + " fields, got " + this.columns.length + " columns");
        }
        for (int i = 0; i < this.columns.length; i++) {
            Column c = this.columns[i];
            if (!c.field().equals(schema.field(i)) || c.numRows() != numRows) {
                throw new IllegalArgumentException("column " + (i + 1) + " is " + c.field() + " with " + c.numRows()
                        + " rows; the schema says " + schema.field(i) + " with " + numRows + " rows");
            }
        }
    }

    /** The rows as a batch; the schema is the first row's (all rows must share it). */
    public static Batch of(List<Example> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot batch zero rows without a schema; use Batch.of(schema, rows)");
        }
        return of(rows.get(0).schema(), rows);
    }

    public static Batch of(Schema schema, List<Example> rows) {
        return assemble(schema, rows, null);
    }

    public Schema schema() {
        return schema;
    }

    public int numRows() {
        return numRows;
    }

    /** Where row {@code row} was read from: a {@link RowOrigin} value, {@link RowOrigin#UNKNOWN} when unknown. */
    public long origin(int row) {
        return origins == null ? RowOrigin.UNKNOWN : origins[row];
    }

    /**
     * Names row {@code row} for an error message: {@code file:line} when it was read from a file, else
     * {@code row N} (its 0-based position in the batch).
     */
    public String rowName(int row) {
        String where = RowOrigin.describe(origin(row));
        return where != null ? where : "row " + row;
    }

    public List<Column> columns() {
        return List.of(columns);
    }

    public Column column(int index) {
        return columns[index];
    }

    public Column column(String name) {
        return columns[schema.indexOf(name)];
    }

    public FloatColumn floatColumn(String name) {
        return typed(name, FloatColumn.class);
    }

    public DoubleColumn doubleColumn(String name) {
        return typed(name, DoubleColumn.class);
    }

    public LongColumn longColumn(String name) {
        return typed(name, LongColumn.class);
    }

    public StringColumn stringColumn(String name) {
        return typed(name, StringColumn.class);
    }

    public RaggedColumn raggedColumn(String name) {
        return typed(name, RaggedColumn.class);
    }

    private <C extends Column> C typed(String name, Class<C> type) {
        Column c = column(name);
        if (!type.isInstance(c)) {
            throw new IllegalStateException("column '" + name + "' is " + c.field() + ", held in a "
                    + c.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(c);
    }

    /** Only the named columns, in the order given (no data is copied). */
    public Batch select(Collection<String> names) {
        List<Column> selected = new ArrayList<>(names.size());
        for (String n : names) {
            selected.add(column(n));
        }
        return new Batch(schema.select(names), numRows, selected, origins);
    }

    /** All but the named columns (no data is copied). */
    public Batch drop(Collection<String> names) {
        Schema kept = schema.drop(names);
        return select(kept.names());
    }

    /** Row {@code row} as an Example (copies that row's values). */
    public Example row(int row) {
        if (row < 0 || row >= numRows) {
            throw new IndexOutOfBoundsException("row " + row + " of a batch of " + numRows);
        }
        Example.Builder b = Example.builder(schema).origin(origin(row));
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            if (c.isMissing(row)) {
                continue;
            }
            if (schema.isPrimitive(i)) {
                if (c instanceof LongColumn l) {
                    b.setLong(i, l.values()[row]);
                } else if (c instanceof FloatColumn f) {
                    b.setDouble(i, f.values()[row]);
                } else {
                    b.setDouble(i, ((DoubleColumn) c).values()[row]);
                }
            } else {
                b.setObject(i, c.get(row));
            }
        }
        return b.build();
    }

    @Override
    public Iterator<Example> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < numRows;
            }

            @Override
            public Example next() {
                if (next >= numRows) {
                    throw new NoSuchElementException();
                }
                return row(next++);
            }
        };
    }

    @Override
    public String toString() {
        return "Batch[" + numRows + " rows, " + schema + "]";
    }

    static Batch assemble(Schema schema, List<Example> rows, Padding padding) {
        int n = rows.size();
        if (padding != null) {
            padding.checkColumns(schema);
        }
        // Before assembling: a row of another schema stores its values in other slots.
        for (int r = 0; r < n; r++) {
            Schema rowSchema = rows.get(r).schema();
            if (rowSchema != schema && !rowSchema.equals(schema)) {
                throw new IllegalArgumentException(
                        "row " + r + " has schema " + rowSchema + "; the batch's is " + schema);
            }
        }
        List<Field> fields = new ArrayList<>(schema.size());
        List<Column> columns = new ArrayList<>(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            Column c = ColumnAssembler.assemble(schema, i, rows, padding);
            fields.add(c.field());
            columns.add(c);
        }
        return new Batch(padding == null ? schema : Schema.of(fields), n, columns, origins(rows));
    }

    // One long per row, and only when some row knows its source.
    private static long[] origins(List<Example> rows) {
        int n = rows.size();
        long[] origins = null;
        for (int r = 0; r < n; r++) {
            long o = rows.get(r).origin;
            if (o != RowOrigin.UNKNOWN) {
                if (origins == null) {
                    origins = new long[n];
                }
                origins[r] = o;
            }
        }
        return origins;
    }
}
