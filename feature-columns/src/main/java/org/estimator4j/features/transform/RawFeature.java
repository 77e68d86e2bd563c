package org.estimator4j.features.transform;

import org.estimator4j.api.table.Column;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.DoubleColumn;
import org.estimator4j.api.table.FixedWidthColumn;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.RaggedColumn;
import org.estimator4j.api.table.StringColumn;
import org.estimator4j.features.hash.TfFingerprint;

/**
 * One raw feature of a batch, seen the same way whatever its layout: row r's values are positions
 * {@code start(r)} to {@code end(r)} of one flat array (a missing row has none). Scalar, fixed-shape and
 * variable-length columns all read alike, and string fingerprints are computed once per batch however many columns
 * hash the same key.
 */
public final class RawFeature {
    private final String key;
    private final DType dtype;
    private final int numRows;
    private final int width; // values per row for fixed-width columns; -1 for ragged ones
    private final int[] offsets;
    private final boolean[] missing;
    private final Column values;
    private long[] fingerprints;

    RawFeature(String key, Column column) {
        this.key = key;
        this.dtype = column.field().dtype();
        this.numRows = column.numRows();
        this.missing = column.missingMask();
        if (column instanceof RaggedColumn r) {
            this.width = -1;
            this.offsets = r.offsets();
            this.values = r.values();
        } else {
            this.width = ((FixedWidthColumn<?>) column).width();
            this.offsets = null;
            this.values = column;
        }
    }

    public String key() {
        return key;
    }

    public DType dtype() {
        return dtype;
    }

    public int numRows() {
        return numRows;
    }

    /** Values per row for a fixed-shape feature; -1 for a variable-length one. */
    public int width() {
        return width;
    }

    public boolean isMissing(int row) {
        return missing != null && missing[row];
    }

    /** Whether any row is missing. */
    public boolean anyMissing() {
        if (missing != null) {
            for (boolean m : missing) {
                if (m) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The float32 values (shared: do not modify), or null for another type. */
    public float[] floatsOrNull() {
        return values instanceof FloatColumn f ? f.values() : null;
    }

    public int start(int row) {
        return width < 0 ? offsets[row] : row * width;
    }

    public int end(int row) {
        if (isMissing(row)) {
            return start(row);
        }
        return width < 0 ? offsets[row + 1] : (row + 1) * width;
    }

    /** Value i as its source type shows it (a float64 beyond float32 keeps its digits), for error messages. */
    public String valueText(int i) {
        if (values instanceof DoubleColumn d) {
            return Double.toString(d.values()[i]);
        }
        if (values instanceof LongColumn l) {
            return Long.toString(l.values()[i]);
        }
        return Float.toString(((FloatColumn) values).values()[i]);
    }

    public long[] longs() {
        return ((LongColumn) values).values();
    }

    public String[] strings() {
        return ((StringColumn) values).values();
    }

    /** Value i as a float (numeric features only). */
    public float floatAt(int i) {
        if (values instanceof FloatColumn f) {
            return f.values()[i];
        }
        if (values instanceof DoubleColumn d) {
            return (float) d.values()[i];
        }
        return ((LongColumn) values).values()[i];
    }

    /**
     * {@code Fingerprint64} of each value's string form (integers as decimal strings), as TensorFlow's
     * {@code string_to_hash_bucket_fast} sees them. Computed on first use, then shared by every column of the batch.
     */
    public long[] stringFingerprints() {
        if (fingerprints == null) {
            // Every stored value: a fixed-shape column holds numRows * width of them, not numRows.
            int n = dtype == DType.STRING ? strings().length : longs().length;
            long[] fp = new long[n];
            if (dtype == DType.STRING) {
                String[] s = strings();
                String previous = null;
                long previousFp = 0;
                for (int i = 0; i < n; i++) {
                    if (s[i] == null) {
                        continue; // a missing row's slot
                    }
                    // Pooled categorical strings repeat the same instance: reuse its fingerprint.
                    if (s[i] != previous) {
                        previous = s[i];
                        previousFp = TfFingerprint.fingerprint64(previous);
                    }
                    fp[i] = previousFp;
                }
            } else {
                long[] l = longs();
                for (int i = 0; i < n; i++) {
                    fp[i] = TfFingerprint.fingerprint64(Long.toString(l[i]));
                }
            }
            fingerprints = fp;
        }
        return fingerprints;
    }
}
