package org.estimator4j.estimators.widedeep;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.estimator4j.estimators.dnn.Activation;
import org.estimator4j.estimators.dnn.CustomLayer;
import org.estimator4j.estimators.linear.SparseCombiner;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;

/**
 * The options of the wide-and-deep classifier and regressor builders, written once. The builders extend different
 * base builders (the head's options: {@code ClassifierBuilder} or {@code RegressorBuilder}), so these options are
 * this interface's default methods, filling the {@link WideDeepOptions} each builder holds. Code that configures
 * either builder is written once against it too.
 */
public interface WideDeepBuilder<B extends WideDeepBuilder<B>> {
    /** This builder, as its own type (what every setter returns). */
    B self();

    /** The options the setters below fill; the builder's {@code build()} freezes them into the estimator. */
    WideDeepOptions wideDeepOptions();

    default B linearOptimizer(FtrlOptimizer ftrl) {
        wideDeepOptions().linearOptimizer = requireNonNull(ftrl, "ftrl is null");
        return self();
    }

    default B linearSparseCombiner(SparseCombiner combiner) {
        wideDeepOptions().linearSparseCombiner = requireNonNull(combiner, "combiner is null");
        return self();
    }

    default B dnnHiddenUnits(List<Integer> units) {
        wideDeepOptions().dnn.hiddenUnits(units);
        return self();
    }

    default B dnnActivation(Activation activation) {
        wideDeepOptions().dnn.activation(activation);
        return self();
    }

    default B dnnDropout(double rate) {
        wideDeepOptions().dnn.dropout(rate);
        return self();
    }

    default B batchNorm(boolean on) {
        wideDeepOptions().dnn.batchNorm(on);
        return self();
    }

    /** Plugin layers stacked after the DNN part's hidden layers. */
    default B dnnCustomLayers(List<CustomLayer> layers) {
        wideDeepOptions().dnn.customLayers(layers);
        return self();
    }

    default B dnnOptimizer(Optimizer optimizer) {
        wideDeepOptions().dnn.optimizer(optimizer);
        return self();
    }
}
