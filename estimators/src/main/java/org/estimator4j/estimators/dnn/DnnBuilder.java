package org.estimator4j.estimators.dnn;

import java.util.List;
import org.estimator4j.estimators.optimizer.Optimizer;

/**
 * The DNN options the DNNClassifier and DNNRegressor builders share (they extend different base builders, so the
 * options are an interface): code that configures either, such as a config reader, is written once against it.
 */
public interface DnnBuilder<B extends DnnBuilder<B>> {
    B hiddenUnits(List<Integer> units);

    B activation(Activation activation);

    B dropout(double rate);

    B batchNorm(boolean on);

    B customLayers(List<CustomLayer> layers);

    B optimizer(Optimizer optimizer);
}
