package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertDense;
import static org.estimator4j.features.golden.Golden.dense;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.scalar;
import static org.estimator4j.features.golden.Golden.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.IndicatorColumn;
import org.junit.jupiter.api.Test;

/**
 * Golden values of {@code indicator_column}, from {@code tensorflow/python/feature_column/feature_column_v2_test.py},
 * class {@code IndicatorColumnTest}, and the {@code indicator_column} docstring in {@code feature_column_v2.py}.
 */
class IndicatorGoldenTest {
    /** IndicatorColumnTest.test_indicator_column: name 'a_indicator', variable_shape [1, 4]. */
    @Test
    void nameAndShape() {
        IndicatorColumn a = FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithHashBucket("a", 4));
        assertEquals("a", a.categoricalColumn().name());
        assertEquals("a_indicator", a.name());
        assertEquals(4, a.width());
    }

    /** IndicatorColumnTest.test_1D_shape_succeeds: {'animal': ['fox', 'fox']} → [[0, 0, 1, 0], [0, 0, 1, 0]]. */
    @Test
    void oneDimensionalShape() {
        IndicatorColumn animal =
                FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithHashBucket("animal", 4));
        Batch batch = rows(scalar("animal", DType.STRING))
                .row("animal", "fox")
                .row("animal", "fox")
                .batch();
        assertDense(new float[][] {{0, 0, 1, 0}, {0, 0, 1, 0}}, dense(List.of(animal), batch));
    }

    /**
     * IndicatorColumnTest.test_2D_shape_succeeds: SparseTensor(indices=[[0, 0], [1, 0]], values=['fox', 'fox'],
     * dense_shape=[2, 1]) → [[0, 0, 1, 0], [0, 0, 1, 0]].
     */
    @Test
    void twoDimensionalShape() {
        IndicatorColumn animal =
                FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithHashBucket("animal", 4));
        Batch batch = rows(variable("animal", DType.STRING))
                .row("animal", List.of("fox"))
                .row("animal", List.of("fox"))
                .batch();
        assertDense(new float[][] {{0, 0, 1, 0}, {0, 0, 1, 0}}, dense(List.of(animal), batch));
    }

    /** IndicatorColumnTest.test_multi_hot: identity(4), values [1, 1] in one row → [[0., 2., 0., 0.]]. */
    @Test
    void multiHot() {
        IndicatorColumn animal =
                FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithIdentity("animal", 4));
        Batch batch = rows(variable("animal", DType.INT64))
                .row("animal", List.of(1L, 1L))
                .batch();
        assertDense(new float[][] {{0, 2, 0, 0}}, dense(List.of(animal), batch));
    }

    /** IndicatorColumnTest.test_multi_hot2 and test_input_layer: values [1, 2] → [[0., 1., 1., 0.]]. */
    @Test
    void multiHot2() {
        IndicatorColumn animal =
                FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithIdentity("animal", 4));
        Batch batch = rows(variable("animal", DType.INT64))
                .row("animal", List.of(1L, 2L))
                .batch();
        assertDense(new float[][] {{0, 1, 1, 0}}, dense(List.of(animal), batch));
    }

    /**
     * IndicatorColumnTest.test_transform: vocabulary ('omar', 'stringer', 'marlo'), values ('marlo', 'skywalker',
     * 'omar') at ((0,0),(1,0),(1,1)) → [[0, 0, 1], [1, 0, 0]] (the OOV -1 adds nothing).
     */
    @Test
    void transform() {
        IndicatorColumn a = FeatureColumns.indicatorColumn(
                FeatureColumns.categoricalColumnWithVocabularyList("a", List.of("omar", "stringer", "marlo")));
        Batch batch = rows(variable("a", DType.STRING))
                .row("a", List.of("marlo"))
                .row("a", List.of("skywalker", "omar"))
                .batch();
        assertDense(new float[][] {{0, 0, 1}, {1, 0, 0}}, dense(List.of(a), batch));
    }

    private static IndicatorColumn weightedAbc() {
        CategoricalColumn ids = FeatureColumns.categoricalColumnWithVocabularyList("ids", List.of("a", "b", "c"));
        return FeatureColumns.indicatorColumn(FeatureColumns.weightedCategoricalColumn(ids, "weights"));
    }

    /**
     * IndicatorColumnTest.test_transform_with_weighted_column (Github issue 12557): ids [['c', 'b', 'a', 'c']],
     * weights [[2., 4., 6., 1.]] (dense) → [[6., 4., 3.]].
     */
    @Test
    void transformWithWeightedColumn() {
        Batch batch = rows(fixed("ids", DType.STRING, 4), fixed("weights", DType.FLOAT32, 4))
                .row("ids", List.of("c", "b", "a", "c"), "weights", f(2, 4, 6, 1))
                .batch();
        assertDense(new float[][] {{6, 4, 3}}, dense(List.of(weightedAbc()), batch));
    }

    /**
     * IndicatorColumnTest.test_transform_with_missing_value_in_weighted_column (Github issue 12583): ids
     * [['c', 'b', 'unknown']], weights [[2., 4., 6.]] → [[0., 4., 2.]].
     */
    @Test
    void transformWithMissingValueInWeightedColumn() {
        Batch batch = rows(fixed("ids", DType.STRING, 3), fixed("weights", DType.FLOAT32, 3))
                .row("ids", List.of("c", "b", "unknown"), "weights", f(2, 4, 6))
                .batch();
        assertDense(new float[][] {{0, 4, 2}}, dense(List.of(weightedAbc()), batch));
    }

    /**
     * IndicatorColumnTest.test_transform_with_missing_value_in_categorical_column: ids [['c', 'b', 'unknown']] →
     * [[0., 1., 1.]].
     */
    @Test
    void transformWithMissingValueInCategoricalColumn() {
        IndicatorColumn ids = FeatureColumns.indicatorColumn(
                FeatureColumns.categoricalColumnWithVocabularyList("ids", List.of("a", "b", "c")));
        Batch batch = rows(fixed("ids", DType.STRING, 3))
                .row("ids", List.of("c", "b", "unknown"))
                .batch();
        assertDense(new float[][] {{0, 1, 1}}, dense(List.of(ids), batch));
    }

    /**
     * indicator_column docstring, vocabulary ['bob', 'george', 'wanda']: ["bob"] → [[1, 0, 0]], ["bob", "wanda"] →
     * [[1, 0, 1]], ["bob", "bob"] → [[2, 0, 0]].
     */
    @Test
    void docstring() {
        IndicatorColumn name = FeatureColumns.indicatorColumn(
                FeatureColumns.categoricalColumnWithVocabularyList("name", List.of("bob", "george", "wanda")));
        Batch batch = rows(variable("name", DType.STRING))
                .row("name", List.of("bob"))
                .row("name", List.of("bob", "wanda"))
                .row("name", List.of("bob", "bob"))
                .batch();
        assertDense(new float[][] {{1, 0, 0}, {1, 0, 1}, {2, 0, 0}}, dense(List.of(name), batch));
    }

    /** Negative identity ids (TF keeps them in the id tensor) are one-hot rows of zeros: one_hot(-k) is all 0. */
    @Test
    void negativeIdsAddNothing() {
        IndicatorColumn a = FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithIdentity("a", 3));
        Batch batch = rows(variable("a", DType.INT64))
                .row("a", List.of(-5L, 2L))
                .row("a", List.of())
                .batch();
        assertDense(new float[][] {{0, 0, 1}, {0, 0, 0}}, dense(List.of(a), batch));
    }
}
