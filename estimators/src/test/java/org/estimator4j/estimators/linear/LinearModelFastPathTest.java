package org.estimator4j.estimators.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformedBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specialised loops of {@link LinearModel} (flattened ids, one load per row for one unweighted id per row, FTRL
 * over arrays) against {@link ReferenceLinearModel}, the general loops they replaced: logits and every variable and
 * slot equal bit for bit after training on random batches with missing and negative ids, weights, empty and
 * multi-id rows, for every combiner, one and several logits, and FTRL with and without regularization.
 */
class LinearModelFastPathTest {
    private static final List<FeatureColumn> COLUMNS = List.of(
            FeatureColumns.categoricalColumnWithIdentity("wide", 1000),
            FeatureColumns.categoricalColumnWithIdentity("small", 7),
            FeatureColumns.categoricalColumnWithIdentity("multi", 50),
            FeatureColumns.categoricalColumnWithIdentity("weighted", 30),
            FeatureColumns.numericColumn("x", new int[] {2}, null, null));

    static List<Arguments> settings() {
        FtrlOptimizer plain = new FtrlOptimizer(0.2, -0.5, 0.1, 0, 0, 0);
        FtrlOptimizer regularized = new FtrlOptimizer(0.05, -0.5, 0.1, 0.001, 0.3, 0.01);
        FtrlOptimizer otherPower = new FtrlOptimizer(0.1, -0.7, 0.2, 0.0, 0.1, 0);
        return List.of(
                Arguments.of(SparseCombiner.SUM, 1, plain),
                Arguments.of(SparseCombiner.MEAN, 1, plain),
                Arguments.of(SparseCombiner.SQRTN, 1, regularized),
                Arguments.of(SparseCombiner.SUM, 3, plain),
                Arguments.of(SparseCombiner.MEAN, 2, regularized),
                Arguments.of(SparseCombiner.SUM, 1, otherPower),
                Arguments.of(SparseCombiner.SQRTN, 3, otherPower));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void equalsTheGeneralLoopsBitForBit(SparseCombiner combiner, int logitsDim, FtrlOptimizer ftrl) {
        FeatureTransformer t = FeatureTransformer.linear(COLUMNS);
        LinearModel fast = new LinearModel(t, logitsDim, combiner, ftrl);
        ReferenceLinearModel reference = new ReferenceLinearModel(t, logitsDim, combiner, ftrl);
        SplittableRandom random = new SplittableRandom(7 + logitsDim);
        for (int step = 0; step < 40; step++) {
            int n = 1 + random.nextInt(step % 5 == 0 ? 3 : 70);
            TransformedBatch batch = batch(random, n, step);
            float[] expected = new float[n * logitsDim];
            float[] actual = new float[n * logitsDim];
            reference.forward(batch, expected);
            if (step % 3 == 2) {
                fast.forward(batch, actual); // backward then flattens the batch again
            } else {
                fast.forwardTraining(batch, actual);
            }
            assertArrayEquals(expected, actual, "logits at step " + step);
            float[] dLogits = new float[n * logitsDim];
            for (int i = 0; i < dLogits.length; i++) {
                dLogits[i] = (float) (1 / (1 + Math.exp(-expected[i])) - (random.nextBoolean() ? 1 : 0));
            }
            reference.backwardAndApply(batch, dLogits);
            fast.backwardAndApply(batch, dLogits);
        }
        Map<String, float[]> expected = reference.state();
        Map<String, float[]> actual = fast.state();
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    /** A batch mixing the shapes of input every column kind produces. */
    private static TransformedBatch batch(SplittableRandom random, int n, int step) {
        Map<String, SparseIds> sparse = new LinkedHashMap<>();
        // One id per row, all present (the fast path), except now and then a missing (-1) id.
        sparse.put("wide", single(random, n, 1000, step % 4 == 3 ? 0.2 : 0));
        sparse.put("small", single(random, n, 7, 0));
        sparse.put("multi", multi(random, n, 50, false));
        // Weighted: one id per row now and then, else several; some weights 0.
        sparse.put(
                "weighted", step % 2 == 0 ? withWeights(random, single(random, n, 30, 0)) : multi(random, n, 30, true));
        float[] dense = new float[n * 2];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
        }
        return new TransformedBatch(n, dense, 2, sparse);
    }

    private static SparseIds single(SplittableRandom random, int n, int buckets, double missing) {
        int[] offsets = new int[n + 1];
        long[] ids = new long[n + random.nextInt(3)]; // may be longer than the rows use
        for (int r = 0; r < n; r++) {
            offsets[r + 1] = r + 1;
            ids[r] = random.nextDouble() < missing ? -1 : random.nextInt(buckets);
        }
        return new SparseIds(n, offsets, ids, null);
    }

    private static SparseIds withWeights(SplittableRandom random, SparseIds ids) {
        float[] w = new float[ids.ids().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextInt(5) == 0 ? 0f : (float) random.nextDouble(0.1, 3);
        }
        return new SparseIds(ids.numRows(), ids.offsets(), ids.ids(), w);
    }

    private static SparseIds multi(SplittableRandom random, int n, int buckets, boolean weighted) {
        int[] offsets = new int[n + 1];
        long[] ids = new long[4 * n];
        float[] w = weighted ? new float[4 * n] : null;
        int size = 0;
        for (int r = 0; r < n; r++) {
            int count = random.nextInt(4); // empty rows too
            for (int i = 0; i < count; i++) {
                ids[size] = random.nextInt(6) == 0 ? -1 : random.nextInt(buckets); // repeats within a row too
                if (weighted) {
                    w[size] = random.nextInt(6) == 0 ? 0f : (float) random.nextDouble(0.1, 2);
                }
                size++;
            }
            offsets[r + 1] = size;
        }
        return new SparseIds(n, offsets, ids, w);
    }
}
