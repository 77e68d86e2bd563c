package org.estimator4j.estimators;

import static java.util.Objects.requireNonNull;

import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.head.LossReduction;

/** Options every premade estimator has: the weight column and the run config. Subclasses add their own. */
public abstract class EstimatorBuilder<B extends EstimatorBuilder<B>> {
    private String weightColumn;
    private RunConfig runConfig;
    private java.nio.file.Path warmStartFrom;
    private LossReduction lossReduction = LossReduction.SUM_OVER_BATCH_SIZE;

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
