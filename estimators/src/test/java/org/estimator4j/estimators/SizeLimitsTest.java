package org.estimator4j.estimators;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.estimator4j.estimators.dnn.DNNClassifier;
import org.estimator4j.estimators.dnn.DnnPart;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.optimizer.AdagradOptimizer;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedClassifier;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.Test;

/**
 * Model construction refuses layer and weight sizes the heap cannot hold, naming the value and the limit, when the
 * estimator is built (and again when a model is made from a saved description), never with OutOfMemoryError.
 */
class SizeLimitsTest {
    private static final List<FeatureColumn> SIZE = List.of(
            FeatureColumns.numericColumn("size"),
            FeatureColumns.numericColumn("weight"),
            FeatureColumns.numericColumn("age"));

    @Test
    void twoBillionHiddenUnitsAreRefusedAtBuild() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DNNClassifier.builder(SIZE)
                        .hiddenUnits(List.of(2_000_000_000))
                        .build());
        assertTrue(
                e.getMessage()
                        .startsWith("hidden_units[0] = 2000000000 is too large: the layer's weights (inputs "
                                + "x units) would be 3 x 2000000000 = 6000000000 floats"),
                e.getMessage());
        assertTrue(e.getMessage().contains("use fewer units"), e.getMessage());
    }

    @Test
    void aLaterLayerIsCheckedAgainstTheOneBeforeIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DNNClassifier.builder(SIZE)
                        .hiddenUnits(List.of(100_000, 100_000))
                        .build());
        assertTrue(e.getMessage().startsWith("hidden_units[1] = 100000 is too large"), e.getMessage());
    }

    @Test
    void aModelFromASavedDescriptionIsCheckedBeforeAllocating() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new DnnPart(
                        "dnn",
                        SIZE,
                        1,
                        List.of(2_000_000_000),
                        org.estimator4j.estimators.dnn.Activation.RELU,
                        0,
                        false,
                        AdagradOptimizer.withLearningRate(0.05),
                        1));
        assertTrue(e.getMessage().startsWith("hidden_units[0] = 2000000000 is too large"), e.getMessage());
    }

    @Test
    void linearWeightsOfTwoToTheFortyHashBucketsAreRefusedAtBuild() {
        List<FeatureColumn> hashed = List.of(FeatureColumns.categoricalColumnWithHashBucket("user", 1L << 40));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LinearClassifier.builder(hashed).build());
        assertTrue(
                e.getMessage().startsWith("categorical column 'user' has 1099511627776 buckets: its linear weights"),
                e.getMessage());
        IllegalArgumentException wide = assertThrows(
                IllegalArgumentException.class,
                () -> DNNLinearCombinedClassifier.builder(hashed, List.of()).build());
        assertTrue(
                wide.getMessage().contains("categorical column 'user' has 1099511627776 buckets"), wide.getMessage());
    }

    @Test
    void sizesThatFitStillBuild() {
        DNNClassifier.builder(SIZE).hiddenUnits(List.of(64, 32)).build();
        LinearClassifier.builder(List.of(FeatureColumns.categoricalColumnWithHashBucket("user", 1000)))
                .build();
    }
}
