package org.estimator4j.api.table;

/**
 * A variable-length (multivalent) column: the values of all rows back to back in one dense column, and row offsets
 * ({@code numRows + 1} of them; row r holds values {@code offsets[r]} up to {@code offsets[r + 1]}). A missing row and
 * an empty list are different things: the first is marked in the mask, the second has two equal offsets.
 *
 * @since 0.1.0
 */
public final class RaggedColumn extends Column {
    private final int[] offsets;
    private final Column values;

    public RaggedColumn(Field field, int numRows, int[] offsets, Column values, boolean[] missing) {
        super(field, numRows, maskOrNull(missing, numRows));
        if (!field.shape().isVariable()) {
            throw new IllegalArgumentException("a RaggedColumn holds a variable-length field, not " + field);
        }
        if (values.field().dtype() != field.dtype() || !values.field().shape().isScalar()) {
            throw new IllegalArgumentException("values of ragged column '" + field.name() + "' must be "
                    + field.dtype().tfName() + " scalars, got " + values.field());
        }
        if (offsets.length < numRows + 1 || offsets[numRows] > values.numRows()) {
            throw new IllegalArgumentException("ragged column '" + field.name() + "' has inconsistent offsets");
        }
        this.offsets = offsets;
        this.values = values;
    }

    /** Row offsets into {@link #values()} (shared: do not modify). */
    public int[] offsets() {
        return offsets;
    }

    /** All rows' values back to back, as a scalar column of the same dtype. */
    public Column values() {
        return values;
    }

    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    @Override
    public Object get(int row) {
        if (isMissing(row)) {
            return null;
        }
        int from = offsets[row];
        int to = offsets[row + 1];
        if (values instanceof FixedWidthColumn<?> c) {
            return c.copyOfRange(from, to);
        }
        throw new AssertionError("nested ragged columns are not supported");
    }
}
