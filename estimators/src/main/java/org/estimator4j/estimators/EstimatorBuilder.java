package org.estimator4j.estimators;

import static java.util.Objects.requireNonNull;

import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.head.CustomLoss;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.head.LossReduction;
import org.estimator4j.estimators.head.MetricsHead;
import org.estimator4j.spi.metric.Metric;

/** Options every premade estimator has: the weight column and the run config. Subclasses add their own. */
public abstract class EstimatorBuilder<B extends EstimatorBuilder<B>> {
    private String weightColumn;
    private RunConfig runConfig;
    private java.nio.file.Path warmStartFrom;
    private LossReduction lossReduction = LossReduction.SUM_OVER_BATCH_SIZE;
    private CustomLoss loss;
    private final java.util.Map<String, java.util.function.Supplier<Metric>> metrics = new java.util.LinkedHashMap<>();

    protected abstract B self();

    /** A feature column holding each example's weight in the loss and metrics. */
    public B weightColumn(String name) {
        this.weightColumn = requireNonNull(name, "name is null");
        return self();
    }

    public B runConfig(RunConfig config) {
        this.runConfig = requireNonNull(config, "config is null");
        return self();
    }

    /**
     * Starts a new model from another one's trained state ({@code warm_start_from}): variables and optimizer slots
     * with the same name and size are copied when this model's directory has no checkpoint yet, and the rows of a
     * column whose vocabulary changed follow their keys to their new ids (see {@link WarmStart}).
     */
    public B warmStartFrom(java.nio.file.Path modelDir) {
        this.warmStartFrom = requireNonNull(modelDir, "modelDir is null");
        return self();
    }

    /** How per-example losses add up to the training loss: their mean (the default) or their sum. */
    public B lossReduction(LossReduction reduction) {
        this.lossReduction = requireNonNull(reduction, "reduction is null");
        return self();
    }

    protected LossReduction lossReduction() {
        return lossReduction;
    }

    /** Trains with a plugin loss instead of the head's own (TensorFlow's loss_fn of a custom head). */
    public B loss(CustomLoss loss) {
        this.loss = requireNonNull(loss, "loss is null");
        return self();
    }

    /** Adds a plugin metric to every evaluation, reported under {@code name}; {@code factory} makes fresh ones. */
    public B metric(String name, java.util.function.Supplier<Metric> factory) {
        requireNonNull(name, "name is null");
        if (metrics.putIfAbsent(name, requireNonNull(factory, "factory is null")) != null) {
            throw new IllegalArgumentException("two metrics are named '" + name + "'; give each its own name");
        }
        return self();
    }

    /** {@code head} with the custom loss, the loss reduction and the added metrics applied. */
    protected Head decorate(Head head) {
        Head h = loss == null ? head : loss.apply(head);
        h = lossReduction.apply(h);
        return metrics.isEmpty() ? h : new MetricsHead(h, metrics);
    }

    /** The custom loss as the model description records it (null for the head's own). */
    protected java.util.Map<String, Object> lossDescription() {
        if (loss == null) {
            return null;
        }
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("type", loss.type());
        d.put("params", new java.util.TreeMap<>(loss.params()));
        return d;
    }

    protected java.nio.file.Path warmStartFrom() {
        return warmStartFrom;
    }

    protected String weightColumn() {
        return weightColumn;
    }

    /** The given run config, or a default one with a temporary model directory. */
    protected RunConfig config() {
        return runConfig != null ? runConfig : RunConfig.builder().build();
    }
}
