package org.estimator4j.features.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformContext;
import org.estimator4j.features.transform.TransformedBatch;
import org.junit.jupiter.api.function.Executable;

/**
 * Helpers for the golden tests: TensorFlow's inputs as batches and its outputs as per-row arrays.
 *
 * <p>How TensorFlow's inputs translate: a {@code SparseTensor} feature is a variable-length field whose row r holds
 * the values whose index starts with r, in index order (a row with no index is an empty list); a dense tensor of
 * shape {@code [batch]} is a scalar field, and one of shape {@code [batch, n]} a field of {@code Shape.of(n)}.
 * TensorFlow's SparseTensor outputs (indices, values, dense_shape) are compared row by row: row r's ids are the
 * values whose index starts with r, in order.
 */
final class Golden {
    private Golden() {}

    static Field scalar(String name, DType dtype) {
        return Field.scalar(name, dtype);
    }

    static Field variable(String name, DType dtype) {
        return Field.variable(name, dtype);
    }

    static Field fixed(String name, DType dtype, int... dims) {
        return new Field(name, dtype, Shape.of(dims));
    }

    /** Builds a batch: {@code rows(schema).row("a", x, "b", y).row(...).batch()}; a null value is missing. */
    static Rows rows(Field... fields) {
        return new Rows(Schema.of(fields));
    }

    static final class Rows {
        private final Schema schema;
        private final List<Example> rows = new ArrayList<>();

        Rows(Schema schema) {
            this.schema = schema;
        }

        Rows row(Object... nameValuePairs) {
            if (nameValuePairs.length % 2 != 0) {
                throw new IllegalArgumentException("name/value pairs expected");
            }
            Example.Builder b = Example.builder(schema);
            for (int i = 0; i < nameValuePairs.length; i += 2) {
                String name = (String) nameValuePairs[i];
                Object value = nameValuePairs[i + 1];
                if (value == null) {
                    b.setMissing(name);
                } else {
                    b.set(name, value);
                }
            }
            rows.add(b.build());
            return this;
        }

        Batch batch() {
            return Batch.of(schema, rows);
        }
    }

    /** A column's ids for a batch, as {@code get_sparse_tensors(...).id_tensor} computes them. */
    static SparseIds ids(CategoricalColumn column, Batch batch) {
        return column.ids(new TransformContext(batch, new EmbeddingTables(0)));
    }

    /** Asserts each row's ids (row r = TensorFlow's values whose index starts with r). */
    static void assertIds(long[][] expected, SparseIds ids) {
        assertEquals(expected.length, ids.numRows(), "rows");
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], ids.row(r), "ids of row " + r);
        }
    }

    /** Asserts each row's weights. */
    static void assertWeights(float[][] expected, SparseIds ids) {
        assertEquals(expected.length, ids.numRows(), "rows");
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], ids.rowWeights(r), 1e-6f, "weights of row " + r);
        }
    }

    /** TensorFlow's flat {@code values} vector: all rows' ids back to back. */
    static long[] flat(SparseIds ids) {
        return Arrays.copyOf(ids.ids(), ids.offsets()[ids.numRows()]);
    }

    /** {@code DenseFeatures(columns)(features)} as rows. */
    static float[][] dense(List<? extends FeatureColumn> columns, Batch batch, EmbeddingTables tables) {
        TransformedBatch t = FeatureTransformer.dense(columns).transform(batch, tables);
        float[][] out = new float[t.numRows()][];
        for (int r = 0; r < t.numRows(); r++) {
            out[r] = t.denseRow(r);
        }
        return out;
    }

    static float[][] dense(List<? extends FeatureColumn> columns, Batch batch) {
        return dense(columns, batch, new EmbeddingTables(0));
    }

    static void assertDense(float[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length, "rows");
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], 1e-6f, "row " + r);
        }
    }

    /** TensorFlow's nested {@code embedding_values} tuple as a row-major table. */
    static float[] table(float[]... rows) {
        int d = rows[0].length;
        float[] t = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, t, i * d, d);
        }
        return t;
    }

    static float[] f(float... v) {
        return v;
    }

    /** Asserts a FeatureColumnException whose message contains every fragment. */
    static FeatureColumnException assertError(Executable e, String... fragments) {
        FeatureColumnException x = assertThrows(FeatureColumnException.class, e);
        for (String fragment : fragments) {
            assertTrue(
                    x.getMessage().contains(fragment),
                    () -> "message '" + x.getMessage() + "' should contain '" + fragment + "'");
        }
        return x;
    }
}
