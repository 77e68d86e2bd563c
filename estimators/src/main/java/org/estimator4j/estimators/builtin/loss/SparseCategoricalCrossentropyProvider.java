package org.estimator4j.estimators.builtin.loss;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code sparse_categorical_crossentropy}: softmax cross-entropy over n ≥ 2 logits against a class id, as Keras'
 * {@code SparseCategoricalCrossentropy(from_logits=True)} and the multi-class head's own loss:
 * {@code logsumexp(x) - x[y]}, gradient {@code softmax(x) - onehot(y)}. Keras' {@code ignore_class} is not offered.
 */
public final class SparseCategoricalCrossentropyProvider implements LossProvider {
    static final String NAME = "sparse_categorical_crossentropy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Softmax cross-entropy over one logit per class against a class id, as Keras' "
                + "SparseCategoricalCrossentropy";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Loss create(Parameters parameters) {
        return new SoftmaxCrossentropy(NAME, 0);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
