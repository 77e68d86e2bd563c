package org.estimator4j.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.estimator4j.features.transform.RawFeature;
import org.estimator4j.features.transform.TransformContext;

/**
 * {@code tf.keras.experimental.SequenceFeatures}: sequence columns to one padded dense tensor {@code [batch,
 * maxLength, dimension]} plus each row's sequence length. Its columns are {@link SequenceNumericColumn}s and indicator
 * or embedding columns over a {@link SequenceCategoricalColumn}; they are concatenated along the last axis in name
 * order (as TensorFlow sorts them), and must agree on every row's length (TensorFlow asserts the same).
 *
 * <p>Padding follows TensorFlow: a numeric column pads with its default_value; an indicator pads with zeros and gives
 * a negative id (a value out of vocabulary without OOV buckets) a zero vector at its position; an embedding pads with
 * zeros, looks each position's id up on its own (so the combiner does not apply) and clips it to max_norm.
 */
public final class SequenceFeatures {
    private final List<FeatureColumn> columns;
    private final int dimension;

    private SequenceFeatures(List<FeatureColumn> columns, int dimension) {
        this.columns = columns;
        this.dimension = dimension;
    }

    /** The layer over these columns; anything but a sequence column is refused, saying what to use instead. */
    public static SequenceFeatures of(List<? extends FeatureColumn> columns) {
        if (columns.isEmpty()) {
            throw new FeatureColumnException("SequenceFeatures needs at least one sequence column");
        }
        List<FeatureColumn> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparing(FeatureColumn::name, ColumnNames.ORDER)); // as DenseFeatures orders them
        int dim = 0;
        for (FeatureColumn c : sorted) {
            dim += elementWidth(c);
        }
        return new SequenceFeatures(List.copyOf(sorted), dim);
    }

    /**
     * Whether {@code c} gives sequence input: a sequence numeric or categorical column, or an indicator, embedding or
     * shared embedding over a sequence categorical column. DenseFeatures and linear models refuse these, as in
     * TensorFlow.
     */
    public static boolean isSequenceColumn(FeatureColumn c) {
        return c instanceof SequenceNumericColumn
                || c instanceof SequenceCategoricalColumn
                || (c instanceof IndicatorColumn i && i.categoricalColumn() instanceof SequenceCategoricalColumn)
                || (c instanceof EmbeddingColumn e && e.categoricalColumn() instanceof SequenceCategoricalColumn)
                || (c instanceof SharedEmbeddingColumn s && s.categoricalColumn() instanceof SequenceCategoricalColumn);
    }

    private static int elementWidth(FeatureColumn c) {
        if (c instanceof SequenceNumericColumn n) {
            return n.width();
        } else if (c instanceof IndicatorColumn i && i.categoricalColumn() instanceof SequenceCategoricalColumn) {
            return i.width();
        } else if (c instanceof EmbeddingColumn e && e.categoricalColumn() instanceof SequenceCategoricalColumn) {
            return e.dimension();
        }
        throw new FeatureColumnException("SequenceFeatures takes sequence_numeric_column, and indicator_column or "
                + "embedding_column over a sequence_categorical_column_with_*; column '" + c.name() + "' is " + c
                + ": use it in DenseFeatures, or wrap a sequence categorical column instead");
    }

    /** The columns in output order (by name). */
    public List<FeatureColumn> columns() {
        return columns;
    }

    /** Values per sequence position: the sum of the columns' element widths. */
    public int dimension() {
        return dimension;
    }

    /** The padded values and sequence lengths of a batch. */
    public Output transform(TransformContext context) {
        int n = context.numRows();
        long[] lengths = null;
        String lengthsOf = null;
        for (FeatureColumn c : columns) {
            long[] l = lengths(c, context);
            if (lengths != null && !Arrays.equals(l, lengths)) {
                int r = firstDifference(lengths, l);
                throw new FeatureColumnException(context.rowName(r) + ": sequence columns '" + lengthsOf + "' and '"
                        + c.name() + "' have different lengths (" + lengths[r] + " and " + l[r] + "); the columns of "
                        + "one SequenceFeatures must have equal sequence lengths in every row");
            }
            lengths = l;
            lengthsOf = c.name();
        }
        int maxLength = 0;
        for (long l : lengths) {
            maxLength = (int) Math.max(maxLength, l);
        }
        float[] values = new float[n * maxLength * dimension];
        int offset = 0;
        for (FeatureColumn c : columns) {
            write(c, context, maxLength, values, offset);
            offset += elementWidth(c);
        }
        return new Output(n, maxLength, dimension, values, lengths);
    }

    private static int firstDifference(long[] a, long[] b) {
        int r = 0;
        while (a[r] == b[r]) {
            r++;
        }
        return r;
    }

    // TensorFlow's sequence_length_from_sparse_tensor: a row's number of values, over the element size rounded up.
    private static long[] lengths(FeatureColumn c, TransformContext context) {
        long[] out = new long[context.numRows()];
        if (c instanceof SequenceNumericColumn s) {
            RawFeature raw = s.raw(context);
            for (int r = 0; r < out.length; r++) {
                out[r] = ((long) raw.end(r) - raw.start(r) + s.width() - 1) / s.width();
            }
        } else {
            SparseIds ids = sequenceColumn(c).ids(context);
            for (int r = 0; r < out.length; r++) {
                out[r] = ids.count(r);
            }
        }
        return out;
    }

    private static SequenceCategoricalColumn sequenceColumn(FeatureColumn c) {
        return (SequenceCategoricalColumn)
                (c instanceof IndicatorColumn i ? i.categoricalColumn() : ((EmbeddingColumn) c).categoricalColumn());
    }

    private void write(FeatureColumn c, TransformContext context, int maxLength, float[] out, int offset) {
        int n = context.numRows();
        if (c instanceof SequenceNumericColumn s) {
            RawFeature raw = s.raw(context);
            int w = s.width();
            String what = "sequence numeric column '" + s.key() + "'";
            for (int r = 0; r < n; r++) {
                int start = raw.start(r);
                int count = raw.end(r) - start;
                for (int p = 0; p < maxLength; p++) {
                    int o = (r * maxLength + p) * dimension + offset;
                    for (int i = 0; i < w; i++) {
                        int k = p * w + i;
                        out[o + i] = k < count ? context.finiteFloat(raw, r, start + k, what) : s.defaultValue();
                    }
                }
            }
            return;
        }
        SparseIds ids = sequenceColumn(c).ids(context);
        if (c instanceof IndicatorColumn ind) {
            int width = ind.width();
            for (int r = 0; r < n; r++) {
                for (int p = 0; p < ids.count(r); p++) {
                    long id = ids.id(r, p);
                    if (id >= 0 && id < width) {
                        out[(r * maxLength + p) * dimension + offset + (int) id] = 1f;
                    }
                }
            }
            return;
        }
        // One pseudo-row per (row, position), holding that position's id or none (padding): the shared lookup then
        // gives each position its own vector, zeros for padding and negative ids.
        EmbeddingColumn e = (EmbeddingColumn) c;
        SparseIds.Builder positions = new SparseIds.Builder(n * maxLength, n * maxLength);
        for (int r = 0; r < n; r++) {
            for (int p = 0; p < maxLength; p++) {
                if (p < ids.count(r)) {
                    positions.add(ids.id(r, p));
                }
                positions.endRow();
            }
        }
        float[] table =
                context.tables().table(e.tableName(), e.categoricalColumn().numBuckets(), e.dimension());
        EmbeddingLookup.write(
                positions.build(), table, e.dimension(), e.combiner(), e.maxNorm(), out, dimension, offset);
    }

    /**
     * A batch's sequence input: {@code values} is {@code [batchSize, maxLength, dimension]} row-major, and {@code
     * sequenceLengths[r]} is row r's number of positions (the rest of its {@code maxLength} is padding).
     */
    public record Output(int batchSize, int maxLength, int dimension, float[] values, long[] sequenceLengths) {
        /** Value {@code i} at position {@code position} of row {@code row}. */
        public float value(int row, int position, int i) {
            return values[(row * maxLength + position) * dimension + i];
        }

        /** The values at one position of one row. */
        public float[] position(int row, int position) {
            int o = (row * maxLength + position) * dimension;
            return Arrays.copyOfRange(values, o, o + dimension);
        }
    }
}
