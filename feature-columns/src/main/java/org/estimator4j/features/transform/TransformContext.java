package org.estimator4j.features.transform;

import static java.util.Objects.requireNonNull;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.SparseIds;

/**
 * One batch being transformed (TensorFlow's FeatureTransformationCache): raw features are looked up once, and a
 * categorical column's ids are computed once even when a crossed, indicator and embedding column all use them. Not
 * thread-safe: one context per batch and thread.
 */
public final class TransformContext {
    private final Batch batch;
    private final EmbeddingTables tables;
    private final Map<String, RawFeature> raw = new java.util.HashMap<>(32); // no rehash for a census-sized model
    private final Map<CategoricalColumn, SparseIds> ids = new IdentityHashMap<>();

    public TransformContext(Batch batch, EmbeddingTables tables) {
        this.batch = requireNonNull(batch, "batch is null");
        this.tables = requireNonNull(tables, "tables is null");
    }

    public int numRows() {
        return batch.numRows();
    }

    /** Names row {@code row} for an error message: its {@code file:line} when it was read from a file, else "row N". */
    public String rowName(int row) {
        return batch.rowName(row);
    }

    /**
     * Value {@code index} of {@code raw} (in row {@code row}) as a float, refusing NaN, infinities and values beyond
     * float32 (the README's non-finite policy) with {@code what} ("numeric column 'x'"), the row's name and the value.
     */
    public float finiteFloat(RawFeature raw, int row, int index, String what) {
        float v = raw.floatAt(index);
        if (!Float.isFinite(v)) {
            throw new FeatureColumnException(rowName(row) + ": " + what + " has the value " + raw.valueText(index)
                    + ", which is not a finite float32 number; NaN, infinities and values beyond float32 are refused");
        }
        return v;
    }

    public EmbeddingTables tables() {
        return tables;
    }

    /** The raw feature {@code key} as {@code column} needs it; a clear error if it is absent or of the wrong type. */
    public RawFeature raw(String key, FeatureColumn column, List<DType> accepted) {
        RawFeature f = raw(key, column);
        if (!accepted.contains(f.dtype())) {
            throw wrongType(key, column, accepted, f);
        }
        return f;
    }

    /** {@link #raw(String, FeatureColumn, List)} for a column that accepts one type. */
    public RawFeature raw(String key, FeatureColumn column, DType accepted) {
        RawFeature f = raw(key, column);
        if (f.dtype() != accepted) {
            throw wrongType(key, column, List.of(accepted), f);
        }
        return f;
    }

    private RawFeature raw(String key, FeatureColumn column) {
        RawFeature f = raw.get(key);
        if (f == null) {
            int index = batch.schema().contains(key) ? batch.schema().indexOf(key) : -1;
            if (index < 0) {
                throw new FeatureColumnException("feature column '" + column.name() + "' reads raw feature '" + key
                        + "', which the input does not have; the available keys are "
                        + batch.schema().names());
            }
            f = new RawFeature(key, batch.column(index));
            raw.put(key, f);
        }
        return f;
    }

    private FeatureColumnException wrongType(String key, FeatureColumn column, List<DType> accepted, RawFeature f) {
        String message = "feature column '" + column.name() + "' needs raw feature '" + key + "' as "
                + accepted.stream().map(DType::tfName).toList() + ", but it is "
                + f.dtype().tfName();
        if (f.dtype() == DType.STRING && !accepted.contains(DType.STRING)) {
            // A numeric column read as text: usually one bad value made type inference choose string. Name it when
            // this batch holds it, with where it was read from.
            message += notANumber(f) + "; fix the value, or declare the column's type (data.column_types) so that "
                    + "bad values are named while the file is read";
        }
        return new FeatureColumnException(message);
    }

    // The first value of a string feature that is not a number, with its row's file:line; "" when every one is.
    private String notANumber(RawFeature f) {
        String[] values = f.strings();
        for (int r = 0; r < f.numRows(); r++) {
            for (int i = f.start(r); i < f.end(r); i++) {
                try {
                    Double.parseDouble(values[i].strip());
                } catch (NumberFormatException e) {
                    return " (" + batch.rowName(r) + " holds '" + values[i] + "', not a number)";
                }
            }
        }
        return "";
    }

    /** {@code column}'s ids for this batch if they were computed already, else null. */
    public SparseIds cachedIds(CategoricalColumn column) {
        return ids.get(column);
    }

    /** Remembers {@code column}'s ids for this batch and returns them. */
    public SparseIds cacheIds(CategoricalColumn column, SparseIds s) {
        ids.put(column, s);
        return s;
    }

    /** {@code column}'s ids for this batch, computed on first request. */
    public SparseIds ids(CategoricalColumn column, java.util.function.Supplier<SparseIds> compute) {
        SparseIds s = ids.get(column);
        if (s == null) {
            s = compute.get();
            ids.put(column, s);
        }
        return s;
    }
}
