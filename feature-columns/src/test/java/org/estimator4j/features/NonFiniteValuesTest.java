package org.estimator4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.features.adapt.FeatureColumnAdapter;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.junit.jupiter.api.Test;

/**
 * The non-finite policy where feature columns read values: NaN and infinities (and float64 values beyond float32)
 * are refused naming the row, the column and the value, on every path (plain copy, normalizer, buckets, weights,
 * adapt); a default_value replaces only a missing value.
 */
class NonFiniteValuesTest {
    private static final Schema SCHEMA = Schema.of(
            Field.scalar("x", DType.FLOAT32), Field.scalar("d", DType.FLOAT64), Field.scalar("id", DType.INT64));

    /** Rows of x = d = 1.0 and id 0, except row {@code bad} whose x (or d) is {@code value}; null means missing. */
    private static Batch batch(int bad, String column, Double value) {
        List<Example> rows = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            Example.Builder b =
                    Example.builder(SCHEMA).set("x", 1.0).set("d", 1.0).set("id", 0L);
            if (r == bad) {
                b.set(column, value);
            }
            rows.add(b.build());
        }
        return Batch.of(rows);
    }

    private static String refused(List<? extends FeatureColumn> columns, Batch batch) {
        return assertThrows(
                        FeatureColumnException.class,
                        () -> FeatureTransformer.dense(columns).transform(batch, new EmbeddingTables(1)))
                .getMessage();
    }

    @Test
    void numericColumnsRefuseNonFiniteValuesOnEveryPath() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            String shown = Float.toString((float) bad);
            // float32 as it is (the copy path), with a normalizer, and with a default_value.
            for (NumericColumn c : List.of(
                    FeatureColumns.numericColumn("x"),
                    FeatureColumns.numericColumn("x", new int[] {1}, null, Normalizer.standardize(1, 2)),
                    FeatureColumns.numericColumn("x", 0f))) {
                assertTrue(
                        refused(List.of(c), batch(2, "x", bad))
                                .startsWith("row 2: numeric column 'x' has the " + "value " + shown
                                        + ", which is not a finite float32 number"),
                        c.toString());
            }
            String bucketized = refused(
                    List.of(FeatureColumns.indicatorColumn(
                            FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("x"), 0f, 1f))),
                    batch(1, "x", bad));
            assertTrue(bucketized.startsWith("row 1: numeric column 'x' has the value " + shown), bucketized);
        }
        // A float64 beyond float32 names its own digits.
        assertTrue(refused(List.of(FeatureColumns.numericColumn("d")), batch(3, "d", 1e300))
                .startsWith("row 3: numeric column 'd' has the value 1.0E300"));
        // Missing takes the default; only NaN is an error.
        FeatureTransformer.dense(List.of(FeatureColumns.numericColumn("x", 0f)))
                .transform(batch(2, "x", null), new EmbeddingTables(1));
    }

    @Test
    void weightsAndAdaptationRefuseThemToo() {
        FeatureColumn weighted = FeatureColumns.indicatorColumn(
                FeatureColumns.weightedCategoricalColumn(FeatureColumns.categoricalColumnWithIdentity("id", 3), "x"));
        String w = refused(List.of(weighted), batch(0, "x", Double.NaN));
        assertTrue(w.startsWith("row 0: weighted column") && w.contains("the weight NaN in 'x'"), w);

        for (NumericColumn learned : List.of(FeatureColumns.numericColumn(
                "x", new int[] {1}, null, Normalizer.learned(Normalizer.Kind.STANDARDIZE)))) {
            FeatureColumnException e = assertThrows(
                    FeatureColumnException.class,
                    () -> FeatureColumnAdapter.adapt(
                            List.of(learned), Dataset.of(batch(1, "x", Double.POSITIVE_INFINITY))));
            assertEquals(
                    "row 1: numeric column 'x' has the value Infinity, which is not a finite float32 number; "
                            + "NaN, infinities and values beyond float32 are refused",
                    e.getMessage());
        }
        FeatureColumnException q = assertThrows(
                FeatureColumnException.class,
                () -> FeatureColumnAdapter.adapt(
                        List.of(FeatureColumns.bucketizedColumnWithQuantiles(FeatureColumns.numericColumn("x"), 2)),
                        Dataset.of(batch(2, "x", Double.NaN))));
        assertTrue(q.getMessage().startsWith("row 2: numeric column 'x' has the value NaN"), q.getMessage());
    }
}
