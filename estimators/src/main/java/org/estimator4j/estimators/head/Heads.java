package org.estimator4j.estimators.head;

import java.util.List;

/** Factories for TensorFlow's canned heads. */
public final class Heads {
    private Heads() {}

    /** {@code BinaryClassHead}; {@code labelVocabulary} (two strings) may be null. */
    public static Head binary(List<String> labelVocabulary) {
        return BinaryClassHead.builder().labelVocabulary(labelVocabulary).build();
    }

    /** {@code MultiClassHead} with n_classes ≥ 3; {@code labelVocabulary} (n_classes strings) may be null. */
    public static Head multiClass(int nClasses, List<String> labelVocabulary) {
        return MultiClassHead.builder(nClasses).labelVocabulary(labelVocabulary).build();
    }

    /** {@code RegressionHead} with the given label_dimension. */
    public static Head regression(int labelDimension) {
        return RegressionHead.create(labelDimension);
    }
}
