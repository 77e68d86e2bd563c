package org.estimator4j.estimators.dnn;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.EstimatorDescription;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.optimizer.AdagradOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.transform.FeatureTransformer;

/**
 * The options of a DNN (alone, or as the deep part of wide and deep) with TensorFlow's defaults: relu, no dropout, no
 * batch norm, Adagrad at learning rate 0.05. Mutable while a builder fills it; {@link #check} validates.
 */
public final class DnnOptions {
    final List<FeatureColumn> columns;
    List<Integer> hiddenUnits;
    Activation activation = Activation.RELU;
    double dropout;
    boolean batchNorm;
    Optimizer optimizer;
    List<CustomLayer> customLayers = List.of();

    public DnnOptions(List<? extends FeatureColumn> columns, Optimizer defaultOptimizer) {
        this.columns = List.copyOf(requireNonNull(columns, "featureColumns is null"));
        this.optimizer = defaultOptimizer;
    }

    /** TensorFlow's DNN default optimizer: Adagrad at 0.05. */
    public static Optimizer defaultOptimizer() {
        return AdagradOptimizer.withLearningRate(0.05);
    }

    public void hiddenUnits(List<Integer> units) {
        requireNonNull(units, "hiddenUnits is null");
        if (units.isEmpty()) {
            throw new IllegalArgumentException("hidden_units is empty; give at least one layer size, e.g. [64, 32]");
        }
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i) == null || units.get(i) < 1) {
                throw new IllegalArgumentException("hidden_units[" + i + "] must be > 0, got " + units.get(i));
            }
        }
        this.hiddenUnits = List.copyOf(units);
    }

    public void activation(Activation a) {
        this.activation = requireNonNull(a, "activation is null");
    }

    public void dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(
                    "dropout must be in [0, 1) (the probability of dropping a unit), got " + rate);
        }
        this.dropout = rate;
    }

    public void batchNorm(boolean on) {
        this.batchNorm = on;
    }

    /** Plugin layers stacked after the hidden layers. */
    public void customLayers(List<CustomLayer> layers) {
        this.customLayers = List.copyOf(requireNonNull(layers, "layers is null"));
    }

    public void optimizer(Optimizer o) {
        this.optimizer = requireNonNull(o, "optimizer is null");
    }

    public List<FeatureColumn> columns() {
        return columns;
    }

    /** Validation at build time: what TensorFlow's constructor checks. */
    public void check(String estimator) {
        if (hiddenUnits == null) {
            throw new IllegalArgumentException(estimator + " needs hidden_units, e.g. [64, 32]");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(estimator + " needs at least one feature column");
        }
        FeatureTransformer transformer;
        try {
            transformer = FeatureTransformer.dense(columns);
        } catch (FeatureColumnException e) {
            throw new IllegalArgumentException(estimator + ": " + e.getMessage(), e);
        }
        DnnPart.checkLayerSizes(transformer.denseWidth(), hiddenUnits);
    }

    /** Adds the options to a description, keys prefixed with {@code prefix} ("" or "dnn_"). */
    public EstimatorDescription.Builder describe(EstimatorDescription.Builder d, String prefix) {
        d.put(prefix + "hidden_units", hiddenUnits)
                .put(prefix + "activation", activation.tfName())
                .put(prefix + "dropout", dropout)
                .put("batch_norm", batchNorm)
                .put(prefix + "optimizer", optimizer.config())
                .featureColumns(prefix + "feature_columns", columns);
        if (!customLayers.isEmpty()) {
            List<Map<String, Object>> layers = new ArrayList<>();
            for (CustomLayer c : customLayers) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("type", c.type());
                l.put("params", new java.util.TreeMap<>(c.params()));
                l.put("origin", c.origin());
                layers.add(l);
            }
            d.put(prefix + "custom_layers", layers);
        }
        return d;
    }

    /** A new DNN part with these options (scope {@code dnn}). */
    public DnnPart newPart(int logitsDimension, long seed) {
        return new DnnPart(
                "dnn",
                columns,
                logitsDimension,
                hiddenUnits,
                activation,
                dropout,
                batchNorm,
                customLayers,
                optimizer,
                seed);
    }

    ModelEstimator estimator(
            String estimator,
            EstimatorDescription.Builder description,
            Head head,
            RunConfig config,
            String weightColumn,
            java.nio.file.Path warmStartFrom) {
        check(estimator);
        String text = describe(description, "").build();
        DnnOptions frozen = copy();
        int logits = head.logitsDimension();
        long seed = config.seed();
        return new ModelEstimator(text, () -> frozen.newPart(logits, seed), head, config, weightColumn, warmStartFrom);
    }

    /** A snapshot, so that changing the builder after build() does not change the built estimator's models. */
    public DnnOptions copy() {
        DnnOptions c = new DnnOptions(columns, optimizer);
        c.hiddenUnits = hiddenUnits;
        c.activation = activation;
        c.dropout = dropout;
        c.batchNorm = batchNorm;
        c.customLayers = customLayers;
        return c;
    }
}
