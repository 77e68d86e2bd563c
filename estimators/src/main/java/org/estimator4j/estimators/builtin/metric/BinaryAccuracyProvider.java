package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/**
 * {@code binary_accuracy}: the weighted share of examples whose label equals {@code probability > threshold}, as
 * Keras' {@code BinaryAccuracy} (default threshold 0.5). Binary classifiers only.
 */
public final class BinaryAccuracyProvider implements MetricProvider {
    @Override
    public String name() {
        return "binary_accuracy";
    }

    @Override
    public String description() {
        return "Share of binary examples classified correctly at a probability threshold, as Keras' BinaryAccuracy";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ProbabilityThreshold.SPEC);
    }

    @Override
    public Metric create(Parameters parameters) {
        double threshold = ProbabilityThreshold.read("binary_accuracy", parameters);
        return new Accuracy("binary_accuracy", threshold, true);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
