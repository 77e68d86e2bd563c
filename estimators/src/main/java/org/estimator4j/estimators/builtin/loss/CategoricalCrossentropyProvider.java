package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code categorical_crossentropy}: softmax cross-entropy over n ≥ 2 logits, as Keras' {@code
 * CategoricalCrossentropy(from_logits=True)}, with its {@code label_smoothing} (the target becomes
 * {@code (1 - s) onehot + s / n}).
 *
 * <p>Unlike Keras, labels are class ids, not one-hot rows: the estimators' classifier heads read every label as a
 * class id (from an integer or through the label vocabulary), so the one-hot vector is implied. Without smoothing it
 * is therefore the same loss as {@code sparse_categorical_crossentropy}; both names exist because Keras users reach
 * for either.
 */
public final class CategoricalCrossentropyProvider extends BuiltinProvider<Loss> implements LossProvider {
    static final String NAME = "categorical_crossentropy";

    public CategoricalCrossentropyProvider() {
        super(
                NAME,
                "Softmax cross-entropy over one logit per class, labels as class ids, with optional label smoothing",
                ParameterSpec.optional(
                        "label_smoothing",
                        ParameterType.DOUBLE,
                        0.0,
                        "in [0, 1]: the target becomes (1 - s) onehot + s / n_classes"));
    }

    @Override
    public Loss create(Parameters parameters) {
        double smoothing = parameters.getDouble("label_smoothing");
        Losses.checkSmoothing(NAME, smoothing);
        return new SoftmaxCrossentropy(NAME, smoothing);
    }
}
