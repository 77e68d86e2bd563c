package org.estimator4j.estimators.dnn;

import java.util.List;
import org.estimator4j.estimators.optimizer.Optimizer;

/**
 * The DNN options of the DNNClassifier and DNNRegressor builders, written once. The builders extend different base
 * builders (the head's options: {@code ClassifierBuilder} or {@code RegressorBuilder}), so the DNN options are this
 * interface's default methods, filling the {@link DnnOptions} each builder holds. Code that configures either
 * builder, such as a config reader, is written once against it too.
 */
public interface DnnBuilder<B extends DnnBuilder<B>> {
    /** This builder, as its own type (what every setter returns). */
    B self();

    /** The options the setters below fill; the builder's {@code build()} freezes them into the estimator. */
    DnnOptions dnnOptions();

    /** Units per hidden layer, e.g. {@code [64, 32]}: required. */
    default B hiddenUnits(List<Integer> units) {
        dnnOptions().hiddenUnits(units);
        return self();
    }

    default B activation(Activation activation) {
        dnnOptions().activation(activation);
        return self();
    }

    /** The probability of dropping a hidden unit's output while training. */
    default B dropout(double rate) {
        dnnOptions().dropout(rate);
        return self();
    }

    /** Batch normalization after each hidden layer. */
    default B batchNorm(boolean on) {
        dnnOptions().batchNorm(on);
        return self();
    }

    /** Plugin layers stacked after the hidden layers, before the logits. */
    default B customLayers(List<CustomLayer> layers) {
        dnnOptions().customLayers(layers);
        return self();
    }

    default B optimizer(Optimizer optimizer) {
        dnnOptions().optimizer(optimizer);
        return self();
    }
}
