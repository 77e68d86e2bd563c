package org.estimator4j.features.transform;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.table.Batch;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.ColumnNames;
import org.estimator4j.features.DenseColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.SequenceFeatures;
import org.estimator4j.features.SparseIds;

/**
 * Turns batches of raw features into model inputs for a fixed set of columns.
 *
 * <ul>
 *   <li>{@link #dense(List)} is TensorFlow's {@code DenseFeatures}: every column must be dense; their values are
 *       concatenated into one row-major matrix <b>in order of column name</b> (TensorFlow sorts them the same way, so
 *       the layout does not depend on the order the columns were listed in).
 *   <li>{@link #linear(List)} is what a linear model reads: categorical columns (bucketized ones included) as
 *       {@link SparseIds}, numeric ones as dense values, again by name.
 * </ul>
 *
 * Immutable and thread-safe; each {@link #transform} call has its own {@link TransformContext}.
 */
public final class FeatureTransformer {
    private final List<FeatureColumn> columns;
    private final List<DenseColumn> denseColumns;
    private final List<CategoricalColumn> sparseColumns;
    private final int[] denseOffsets;
    private final int denseWidth;

    private FeatureTransformer(List<? extends FeatureColumn> columns, boolean linear) {
        requireNonNull(columns, "columns is null");
        if (columns.isEmpty()) {
            throw new FeatureColumnException("no feature columns given");
        }
        Map<String, FeatureColumn> byName = new HashMap<>();
        for (FeatureColumn c : columns) {
            FeatureColumn previous = byName.put(c.name(), c);
            if (previous != null) {
                throw new FeatureColumnException("two feature columns are named '" + c.name() + "': " + previous
                        + " and " + c + "; column names must be unique");
            }
        }
        List<FeatureColumn> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparing(FeatureColumn::name, ColumnNames.ORDER));
        this.columns = List.copyOf(sorted);
        List<DenseColumn> dense = new ArrayList<>();
        List<CategoricalColumn> sparse = new ArrayList<>();
        for (FeatureColumn c : sorted) {
            if (SequenceFeatures.isSequenceColumn(c)) {
                // TensorFlow's DenseFeatures and linear models refuse them too: their values have a time axis.
                throw new FeatureColumnException("feature column '" + c.name() + "' is a sequence column (" + c
                        + "); a " + (linear ? "linear" : "dense") + " input takes non-sequence columns: use "
                        + "SequenceFeatures for sequence input, or a non-sequence column (numeric_column, "
                        + "categorical_column_with_*)");
            }
            boolean categorical = c instanceof CategoricalColumn && (linear || !(c instanceof DenseColumn));
            if (categorical && !linear) {
                throw new FeatureColumnException("feature column '" + c.name() + "' is categorical; a dense input "
                        + "takes dense columns only: wrap it in an indicator or embedding column");
            }
            if (categorical) {
                sparse.add((CategoricalColumn) c);
            } else if (c instanceof DenseColumn d) {
                dense.add(d);
            } else {
                throw new FeatureColumnException("feature column '" + c.name() + "' is neither dense nor categorical");
            }
        }
        this.denseColumns = List.copyOf(dense);
        this.sparseColumns = List.copyOf(sparse);
        this.denseOffsets = new int[dense.size()];
        int width = 0;
        for (int i = 0; i < dense.size(); i++) {
            denseOffsets[i] = width;
            width += dense.get(i).width();
        }
        this.denseWidth = width;
    }

    /** TensorFlow's {@code DenseFeatures}: dense columns only, concatenated in order of name. */
    public static FeatureTransformer dense(List<? extends FeatureColumn> columns) {
        return new FeatureTransformer(columns, false);
    }

    /** A linear model's inputs: categorical columns as sparse ids, numeric columns as dense values. */
    public static FeatureTransformer linear(List<? extends FeatureColumn> columns) {
        return new FeatureTransformer(columns, true);
    }

    /** The columns, sorted by name. */
    public List<FeatureColumn> columns() {
        return columns;
    }

    public List<DenseColumn> denseColumns() {
        return denseColumns;
    }

    public List<CategoricalColumn> sparseColumns() {
        return sparseColumns;
    }

    /** Values per row of the dense matrix. */
    public int denseWidth() {
        return denseWidth;
    }

    /** Where each dense column's values start within a row, by column name, in layout order. */
    public Map<String, Integer> denseLayout() {
        Map<String, Integer> layout = new LinkedHashMap<>();
        for (int i = 0; i < denseColumns.size(); i++) {
            layout.put(denseColumns.get(i).name(), denseOffsets[i]);
        }
        return layout;
    }

    /** Transforms one batch; embedding columns read their tables from {@code tables}. */
    public TransformedBatch transform(Batch batch, EmbeddingTables tables) {
        return transform(new TransformContext(batch, tables));
    }

    /**
     * Transforms the context's batch, leaving each categorical column's ids cached in {@code context}: a model that
     * trains embedding tables reads them again there for the backward pass.
     */
    public TransformedBatch transform(TransformContext context) {
        return transform(context, null);
    }

    /**
     * As {@link #transform(TransformContext)}, writing the dense values into {@code denseBuffer} (cleared first) when it
     * holds exactly {@code numRows × denseWidth} values, into a new array otherwise. A training loop passes the array
     * of its previous step: that array is still in the caches, where a new one on every step would be memory the
     * caches have not seen, written twice (zeroed, then filled): ~15% of an MLP's step at batch 1024 when the data set
     * is larger than the cache. The result is then only valid until the next call with the same buffer.
     */
    public TransformedBatch transform(TransformContext context, float[] denseBuffer) {
        int n = context.numRows();
        float[] dense;
        if (denseBuffer != null && denseBuffer.length == n * denseWidth) {
            dense = denseBuffer;
            Arrays.fill(dense, 0f);
        } else {
            dense = new float[n * denseWidth];
        }
        for (int i = 0; i < denseColumns.size(); i++) {
            denseColumns.get(i).writeDense(context, dense, denseWidth, denseOffsets[i]);
        }
        if (sparseColumns.isEmpty()) {
            return new TransformedBatch(n, dense, denseWidth, Map.of());
        }
        // Built immutable at once: TransformedBatch keeps it as it is instead of copying it.
        @SuppressWarnings("unchecked")
        Map.Entry<String, SparseIds>[] sparse = new Map.Entry[sparseColumns.size()];
        for (int i = 0; i < sparse.length; i++) {
            CategoricalColumn c = sparseColumns.get(i);
            sparse[i] = Map.entry(c.name(), c.ids(context));
        }
        return new TransformedBatch(n, dense, denseWidth, Map.ofEntries(sparse));
    }

    /** True for columns that read raw key {@code key}: for error messages and inspection. */
    public boolean reads(String key) {
        return columns.stream().anyMatch(c -> c.rawKeys().contains(key));
    }

    @Override
    public String toString() {
        return "FeatureTransformer(dense=" + denseLayout() + ", sparse="
                + sparseColumns.stream().map(FeatureColumn::name).toList() + ")";
    }
}
