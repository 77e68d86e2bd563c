package org.estimator4j.estimators;

import java.util.List;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.head.Heads;

/** Options of every premade classifier: n_classes and label_vocabulary, which choose and configure the head. */
public abstract class ClassifierBuilder<B extends ClassifierBuilder<B>> extends EstimatorBuilder<B> {
    private int nClasses = 2;
    private List<String> labelVocabulary;

    public B nClasses(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n_classes must be >= 2, got " + n);
        }
        this.nClasses = n;
        return self();
    }

    /** The label strings, in class-id order; without it labels must be class ids (int64, or 0/1 floats). */
    public B labelVocabulary(List<String> vocabulary) {
        this.labelVocabulary = List.copyOf(vocabulary);
        return self();
    }

    /** A sigmoid head for 2 classes, softmax for more. */
    protected Head head() {
        if (labelVocabulary != null && labelVocabulary.size() != nClasses) {
            throw new IllegalArgumentException(
                    "label_vocabulary has " + labelVocabulary.size() + " entries but n_classes is " + nClasses);
        }
        return decorate(nClasses == 2 ? Heads.binary(labelVocabulary) : Heads.multiClass(nClasses, labelVocabulary));
    }

    /** The description of {@code estimator} with the head's options filled in. */
    protected EstimatorDescription.Builder describe(String estimator) {
        return EstimatorDescription.builder(estimator)
                .put("n_classes", nClasses)
                .put("label_vocabulary", labelVocabulary)
                .put("weight_column", weightColumn())
                .put("loss_reduction", lossReduction().tfName())
                .putIfNotNull("loss", lossDescription());
    }
}
