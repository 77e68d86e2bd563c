package org.estimator4j.estimators.head;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Column;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.DoubleColumn;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;
import org.estimator4j.api.table.StringColumn;

/** Label batches and a finite-difference gradient check for the head tests. */
final class HeadTestSupport {
    private HeadTestSupport() {}

    static Batch batch(Column... columns) {
        List<Field> fields = java.util.Arrays.stream(columns).map(Column::field).toList();
        return new Batch(Schema.of(fields), columns[0].numRows(), List.of(columns));
    }

    static Batch longs(long... values) {
        return batch(new LongColumn(Field.scalar("label", DType.INT64), values.length, values, null));
    }

    static Batch floats(float... values) {
        return batch(floatColumn("label", values));
    }

    static FloatColumn floatColumn(String name, float... values) {
        return new FloatColumn(Field.scalar(name, DType.FLOAT32), values.length, values, null);
    }

    static Batch doubles(double... values) {
        return batch(new DoubleColumn(Field.scalar("label", DType.FLOAT64), values.length, values, null));
    }

    static Batch strings(String... values) {
        return batch(new StringColumn(Field.scalar("label", DType.STRING), values.length, values, null));
    }

    static Batch floatsWithMissing(float[] values, boolean[] missing) {
        return batch(new FloatColumn(Field.scalar("label", DType.FLOAT32), values.length, values, missing));
    }

    /** A float column of shape [width]. */
    static Batch floatRows(int width, float... values) {
        return batch(new FloatColumn(
                new Field("label", DType.FLOAT32, Shape.of(width)), values.length / width, values, null));
    }

    /** Checks the head's gradient against central differences of its loss. */
    static void assertGradientMatchesFiniteDifferences(
            Head head, float[] logits, float[] targets, float[] weights, int numRows) {
        float[] gradient = new float[logits.length];
        head.lossAndGradient(logits, targets, weights, numRows, gradient);
        float[] scratch = new float[logits.length];
        ToDoubleFunction<float[]> loss = l -> head.lossAndGradient(l, targets, weights, numRows, scratch);
        float h = 1f / 256;
        for (int i = 0; i < numRows * head.logitsDimension(); i++) {
            float[] plus = logits.clone();
            float[] minus = logits.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (plus[i] - minus[i]);
            assertEquals(numeric, gradient[i], 1e-4 + 1e-3 * Math.abs(numeric), "d loss / d logit " + i);
        }
    }
}
