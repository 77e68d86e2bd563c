package org.estimator4j.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Column;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;
import org.estimator4j.api.table.StringColumn;
import org.estimator4j.features.hash.TfFingerprint;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.TransformContext;
import org.junit.jupiter.api.Test;

/**
 * Ids of fixed-shape inputs, scalar ones included (which have their own loops): ignore values ('' and -1) and missing
 * rows give no id, everything else one id per value, in order.
 */
class FixedShapeIdsTest {
    private static SparseIds ids(CategoricalColumn c, Column column) {
        Batch b = new Batch(Schema.of(column.field()), column.numRows(), List.of(column));
        return c.ids(new TransformContext(b, new EmbeddingTables(0)));
    }

    private static void assertRows(long[][] expected, SparseIds ids) {
        assertEquals(expected.length, ids.numRows());
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], ids.row(r), "row " + r);
        }
        assertEquals(null, ids.weights());
    }

    @Test
    void scalarIntegers() {
        IdentityColumn c = FeatureColumns.categoricalColumnWithIdentity("k", 10);
        Field f = Field.scalar("k", DType.INT64);
        long[] v = {3, -1, 0, 5, -1, -7};
        assertRows(new long[][] {{3}, {}, {0}, {5}, {}, {-7}}, ids(c, new LongColumn(f, 6, v, null)));
        boolean[] missing = {false, false, true, false, true, false};
        assertRows(new long[][] {{3}, {}, {}, {5}, {}, {-7}}, ids(c, new LongColumn(f, 6, v, missing)));
    }

    @Test
    void scalarStrings() {
        VocabularyListColumn c = FeatureColumns.categoricalColumnWithVocabularyList("k", List.of("a", "b"));
        Field f = Field.scalar("k", DType.STRING);
        String[] v = {"b", "", "zz", "a"};
        assertRows(new long[][] {{1}, {}, {-1}, {0}}, ids(c, new StringColumn(f, 4, v, null)));
        assertRows(
                new long[][] {{1}, {}, {-1}, {}},
                ids(c, new StringColumn(f, 4, new String[] {"b", "", "zz", null}, new boolean[] {
                    false, false, false, true
                })));
    }

    @Test
    void scalarIntegersHashedAsTheirDecimalStrings() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("k", 100, DType.INT64);
        Field f = Field.scalar("k", DType.INT64);
        long[] v = {12, -1, 7, 123456789};
        SparseIds ids = ids(c, new LongColumn(f, 4, v, null));
        assertEquals(0, ids.count(1));
        for (int r : new int[] {0, 2, 3}) {
            assertArrayEquals(new long[] {c.idOf(v[r], TfFingerprint.fingerprint64(Long.toString(v[r])))}, ids.row(r));
        }
    }

    @Test
    void fixedShapes() {
        IdentityColumn c = FeatureColumns.categoricalColumnWithIdentity("k", 10);
        Field f = new Field("k", DType.INT64, Shape.of(2));
        long[] v = {1, -1, 2, 3, -1, -1, 4, 5};
        assertRows(new long[][] {{1}, {2, 3}, {}, {}}, ids(c, new LongColumn(f, 4, v, new boolean[] {
            false, false, false, true
        })));
        VocabularyListColumn s = FeatureColumns.categoricalColumnWithVocabularyList("k", List.of("a", "b"));
        Field g = new Field("k", DType.STRING, Shape.of(2));
        assertRows(new long[][] {{0, 1}, {1}}, ids(s, new StringColumn(g, 2, new String[] {"a", "b", "", "b"}, null)));
    }
}
