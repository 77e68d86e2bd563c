package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformContext;
import org.junit.jupiter.api.Test;

/** A training loop's dense buffer, reused from step to step, gives what a fresh array gives. */
class DenseBufferReuseTest {
    private final FeatureTransformer transformer = FeatureTransformer.dense(List.of(
            FeatureColumns.numericColumn("price"),
            FeatureColumns.indicatorColumn(
                    FeatureColumns.categoricalColumnWithVocabularyList("body", List.of("hardtop", "wagon", "sedan")))));

    private static Batch batch(String... bodies) {
        Golden.Rows rows = rows(scalar("price", DType.FLOAT32), scalar("body", DType.STRING));
        for (int i = 0; i < bodies.length; i++) {
            rows.row("price", 10.0 + i, "body", bodies[i]);
        }
        return rows.batch();
    }

    private float[] transform(Batch batch, float[] buffer) {
        return transformer
                .transform(new TransformContext(batch, new EmbeddingTables(0)), buffer)
                .dense();
    }

    @Test
    void aBufferOfTheRightSizeIsOverwrittenWithNothingLeftOver() {
        float[] first = transform(batch("hardtop", "wagon"), null);
        // Indicator columns only write their ones: the wagon's 1 at row 1 must not survive into the next step.
        float[] second = transform(batch("sedan", "sedan"), first);

        assertSame(first, second);
        assertArrayEquals(transform(batch("sedan", "sedan"), null), second);
        assertArrayEquals(new float[] {0, 0, 1, 10, 0, 0, 1, 11}, second);
    }

    @Test
    void aBufferOfAnotherSizeIsLeftAlone() {
        float[] buffer = transform(batch("hardtop", "wagon"), null);
        float[] before = buffer.clone();

        float[] result = transform(batch("sedan"), buffer);

        assertNotSame(buffer, result);
        assertArrayEquals(before, buffer);
        assertArrayEquals(new float[] {0, 0, 1, 10}, result);
    }
}
