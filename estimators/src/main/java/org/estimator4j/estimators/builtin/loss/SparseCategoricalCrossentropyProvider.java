package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code sparse_categorical_crossentropy}: softmax cross-entropy over n ≥ 2 logits against a class id, as Keras'
 * {@code SparseCategoricalCrossentropy(from_logits=True)} and the multi-class head's own loss:
 * {@code logsumexp(x) - x[y]}, gradient {@code softmax(x) - onehot(y)}. Keras' {@code ignore_class} is not offered.
 */
public final class SparseCategoricalCrossentropyProvider extends BuiltinProvider<Loss> implements LossProvider {
    static final String NAME = "sparse_categorical_crossentropy";

    public SparseCategoricalCrossentropyProvider() {
        super(
                NAME,
                "Softmax cross-entropy over one logit per class against a class id, as Keras' "
                        + "SparseCategoricalCrossentropy");
    }

    @Override
    public Loss create(Parameters parameters) {
        return new SoftmaxCrossentropy(NAME, 0);
    }
}
