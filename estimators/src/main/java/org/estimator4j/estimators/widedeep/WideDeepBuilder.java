package org.estimator4j.estimators.widedeep;

import java.util.List;
import org.estimator4j.estimators.dnn.Activation;
import org.estimator4j.estimators.dnn.CustomLayer;
import org.estimator4j.estimators.linear.SparseCombiner;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;

/**
 * The options the wide-and-deep classifier and regressor builders share (they extend different base builders, so the
 * options are an interface): code that configures either is written once against it.
 */
public interface WideDeepBuilder<B extends WideDeepBuilder<B>> {
    B linearOptimizer(FtrlOptimizer ftrl);

    B linearSparseCombiner(SparseCombiner combiner);

    B dnnHiddenUnits(List<Integer> units);

    B dnnActivation(Activation activation);

    B dnnDropout(double rate);

    B batchNorm(boolean on);

    B dnnCustomLayers(List<CustomLayer> layers);

    B dnnOptimizer(Optimizer optimizer);
}
