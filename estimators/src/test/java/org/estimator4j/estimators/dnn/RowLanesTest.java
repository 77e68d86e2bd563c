package org.estimator4j.estimators.dnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.internal.LaneWorkers;
import org.estimator4j.estimators.optimizer.AdamOptimizer;
import org.junit.jupiter.api.Test;

/**
 * A training batch split over several threads' row lanes must train the same model as one thread does: the lanes'
 * gradients summed equal the whole batch's (to float rounding, as the sums run in another order).
 */
class RowLanesTest {
    private static DnnPart part(LaneWorkers workers) {
        DnnPart p = new DnnPart(
                "dnn",
                DnnPartGradientTest.columns(),
                2,
                List.of(16, 8),
                Activation.RELU,
                0,
                false,
                new AdamOptimizer(0.01, 0.9, 0.999, 1e-7),
                5);
        p.useWorkers(workers);
        return p;
    }

    @Test
    void threeLanesTrainWhatOneLaneTrains() {
        DnnPart one = part(new LaneWorkers(0));
        DnnPart three = part(new LaneWorkers(2));
        int rows = 3 * RowLanes.MIN_ROWS_PER_LANE + 5; // uneven lanes: 64, 65, 64 rows
        for (int step = 0; step < 6; step++) {
            Batch b = DnnPartGradientTest.batch(rows, 100 + step);
            float[] a = one.forward(b, true);
            float[] c = three.forward(b, true);
            assertClose(a, c, "logits at step " + step);
            float[] d = new float[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) Math.sin(i + step) * 0.1f;
            }
            one.backward(d.clone());
            three.backward(d.clone());
        }
        Map<String, float[]> expected = one.variables();
        Map<String, float[]> actual = three.variables();
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertClose(expected.get(name), actual.get(name), name);
        }
        // The embedding table trained too (its gradient comes from every lane's rows).
        float[] table = actual.get("dnn/input_from_feature_columns/input_layer/tags_embedding/embedding_weights");
        assertNotEquals(0, Arrays.stream(box(table)).filter(v -> v != 0).count());
    }

    @Test
    void smallBatchesStayOnOneThreadAndInferenceAgrees() {
        DnnPart one = part(new LaneWorkers(0));
        DnnPart two = part(new LaneWorkers(1));
        Batch b = DnnPartGradientTest.batch(2 * RowLanes.MIN_ROWS_PER_LANE - 1, 7);
        assertArrayEquals(one.forward(b, true), two.forward(b, true), "one lane either way: bit for bit");
        // Inference splits from 2 × MIN_INFERENCE_ROWS_PER_LANE rows on: the same logits to float rounding (OpenBLAS
        // sums in an order that depends on the number of rows).
        assertArrayEquals(one.inference(b), two.inference(b), 1e-5f);
        Batch small = DnnPartGradientTest.batch(2 * RowLanes.MIN_INFERENCE_ROWS_PER_LANE - 1, 8);
        assertArrayEquals(one.inference(small), two.inference(small), "one lane either way: bit for bit");
    }

    @Test
    void aLaneFailureReachesTheCallerAndTheWorkersStayUsable() {
        LaneWorkers workers = new LaneWorkers(2);
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> workers.run(3, lane -> {
                    if (lane == 2) {
                        throw new IllegalStateException("lane 2 failed");
                    }
                }));
        assertEquals("lane 2 failed", e.getMessage());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        int[] ran = new int[3];
        workers.run(3, lane -> {
            ran[lane]++;
            threads.add(Thread.currentThread().getName());
        });
        assertArrayEquals(new int[] {1, 1, 1}, ran);
        assertEquals(3, threads.size(), "each lane on its own thread: " + threads);
    }

    @Test
    void aSecondCallerRunsItsLanesItselfWhileTheWorkersAreTaken() throws Exception {
        LaneWorkers workers = new LaneWorkers(1);
        Set<String> inner = ConcurrentHashMap.newKeySet();
        workers.run(2, lane -> {
            if (lane == 1) {
                // Another model's step while this one holds the workers: no deadlock, all on the caller's thread.
                Thread t = new Thread(
                        () -> workers.run(
                                2, l -> inner.add(Thread.currentThread().getName() + l)),
                        "other-model");
                t.start();
                try {
                    t.join(10_000);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertEquals(Set.of("other-model0", "other-model1"), inner);
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-5 + 1e-4 * Math.abs(expected[i]);
            assertTrue(
                    Math.abs(expected[i] - actual[i]) <= tolerance,
                    what + "[" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }

    private static Double[] box(float[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (double) values[i];
        }
        return out;
    }
}
