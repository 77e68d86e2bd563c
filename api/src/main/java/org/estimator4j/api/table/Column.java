package org.estimator4j.api.table;

/**
 * One column of a {@link Batch}: primitive arrays, row-major, no boxing, ready to hand to feature columns or a
 * model's kernels without copying. Missing values are marked in an explicit mask (the stored value there is 0 or
 * null, never a magic number to compare against).
 *
 * @since 0.1.0
 */
public abstract sealed class Column permits FixedWidthColumn, RaggedColumn {
    private final Field field;
    private final int numRows;
    private final boolean[] missing;

    Column(Field field, int numRows, boolean[] missing) {
        this.field = field;
        this.numRows = numRows;
        this.missing = missing;
        if (missing != null && missing.length < numRows) {
            throw new IllegalArgumentException("missing mask of column '" + field.name() + "' has " + missing.length
                    + " entries for " + numRows + " rows");
        }
    }

    public Field field() {
        return field;
    }

    public String name() {
        return field.name();
    }

    public int numRows() {
        return numRows;
    }

    public boolean isMissing(int row) {
        return missing != null && missing[row];
    }

    /** False when no row is missing, so hot paths can skip the mask. */
    public boolean hasMissing() {
        return missing != null;
    }

    /** The mask, {@code true} where a row is missing; null when none is. Shared: do not modify. */
    public boolean[] missingMask() {
        return missing;
    }

    /** The row's value boxed (as {@link Example#get(int)}): for tests and display, not for hot paths. */
    public abstract Object get(int row);

    static boolean[] maskOrNull(boolean[] mask, int numRows) {
        if (mask == null) {
            return null;
        }
        for (int i = 0; i < numRows; i++) {
            if (mask[i]) {
                return mask;
            }
        }
        return null;
    }
}
