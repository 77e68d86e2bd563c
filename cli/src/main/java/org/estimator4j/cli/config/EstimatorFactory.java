package org.estimator4j.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.EstimatorBuilder;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.RegressorBuilder;
import org.estimator4j.estimators.baseline.BaselineClassifier;
import org.estimator4j.estimators.baseline.BaselineRegressor;
import org.estimator4j.estimators.dnn.Activation;
import org.estimator4j.estimators.dnn.DNNClassifier;
import org.estimator4j.estimators.dnn.DNNRegressor;
import org.estimator4j.estimators.dnn.DnnBuilder;
import org.estimator4j.estimators.head.LossReduction;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.linear.LinearRegressor;
import org.estimator4j.estimators.linear.SparseCombiner;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedClassifier;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedRegressor;
import org.estimator4j.estimators.widedeep.WideDeepBuilder;
import org.estimator4j.features.FeatureColumn;

/**
 * Builds the premade estimator an {@link EstimatorSection} describes, through the estimators' own builders, with
 * TensorFlow's defaults where the config gives none. The optimizers it built, every option filled in, are written back
 * into {@code effective} (the estimator section as {@code e4j config show} prints it).
 */
final class EstimatorFactory {
    private final EstimatorSection e;
    private final String path;
    private final ObjectNode effective;
    private final PluginParts plugins;
    private final RunConfig runConfig;
    private final Path warmStartFrom;

    /**
     * @param path the section's config path ({@code experiment.json.estimator})
     * @param base the config file's folder, which {@code warm_start_from} is relative to
     */
    EstimatorFactory(
            EstimatorSection e,
            String path,
            ObjectNode effective,
            PluginParts plugins,
            RunConfig runConfig,
            Path base) {
        this.e = e;
        this.path = path;
        this.effective = effective;
        this.plugins = plugins;
        this.runConfig = runConfig;
        this.warmStartFrom = e.warmStartFrom() == null
                ? null
                : base.resolve(e.warmStartFrom()).normalize();
    }

    /** The estimator on these columns (null lists: the config has none under that key). */
    ModelEstimator build(List<FeatureColumn> columns, List<FeatureColumn> linear, List<FeatureColumn> dnn) {
        try {
            return switch (e.type()) {
                case "LinearClassifier" ->
                    classifier(common(LinearClassifier.builder(columns)
                                    .optimizer(ftrl("optimizer", 0.2))
                                    .sparseCombiner(combiner(e.sparseCombiner()))))
                            .build();
                case "LinearRegressor" ->
                    regressor(common(LinearRegressor.builder(columns)
                                    .optimizer(ftrl("optimizer", 0.2))
                                    .sparseCombiner(combiner(e.sparseCombiner()))))
                            .build();
                // TensorFlow's default learning rate for baselines: 0.3.
                case "BaselineClassifier" ->
                    classifier(common(BaselineClassifier.builder().optimizer(ftrl("optimizer", 0.3))))
                            .build();
                case "BaselineRegressor" ->
                    regressor(common(BaselineRegressor.builder().optimizer(ftrl("optimizer", 0.3))))
                            .build();
                case "DNNClassifier" ->
                    classifier(common(dnn(DNNClassifier.builder(columns)))).build();
                case "DNNRegressor" ->
                    regressor(common(dnn(DNNRegressor.builder(columns)))).build();
                case "DNNLinearCombinedClassifier" ->
                    classifier(common(wideDeep(DNNLinearCombinedClassifier.builder(linear, dnn), linear, dnn)))
                            .build();
                case "DNNLinearCombinedRegressor" ->
                    regressor(common(wideDeep(DNNLinearCombinedRegressor.builder(linear, dnn), linear, dnn)))
                            .build();
                default -> throw new IllegalStateException("EstimatorOptions let through type " + e.type());
            };
        } catch (IllegalArgumentException ex) {
            // What the builders check beyond the values read above (e.g. a DNN without dense columns).
            String m = ex.getMessage();
            // "hidden_units[1] = 2000000000 is too large..." names a key of this section: join it to the path.
            throw new ConfigException(
                    m.startsWith(path) ? m : path + (m.matches("^[a-z_]+\\[\\d+\\] .*") ? "." : ": ") + m, ex);
        }
    }

    /** A DNN's options (TensorFlow's defaults: relu, no dropout, Adagrad 0.05). */
    private <B extends DnnBuilder<B>> B dnn(B builder) {
        return builder.hiddenUnits(e.hiddenUnits())
                .customLayers(plugins.layers(e.customLayers(), path + ".custom_layers"))
                .activation(Activation.fromName(e.activation()))
                .dropout(e.dropout())
                .batchNorm(e.batchNorm())
                .optimizer(dense("optimizer", e.optimizer(), 0.05));
    }

    /**
     * Wide and deep's options (TensorFlow's defaults: FTRL at min(0.005, 1/sqrt(linear columns)), Adagrad 0.001);
     * dnn_hidden_units is required only when there are DNN columns.
     */
    private <B extends WideDeepBuilder<B>> B wideDeep(B builder, List<FeatureColumn> linear, List<FeatureColumn> dnn) {
        double linearRate = linear.isEmpty() ? 0.005 : Math.min(0.005, 1 / Math.sqrt(linear.size()));
        builder.linearOptimizer(ftrl("linear_optimizer", linearRate))
                .linearSparseCombiner(combiner(e.linearSparseCombiner()))
                .dnnActivation(Activation.fromName(e.dnnActivation()))
                .dnnDropout(e.dnnDropout())
                .batchNorm(e.batchNorm())
                .dnnOptimizer(dense("dnn_optimizer", e.dnnOptimizer(), 0.001))
                .dnnCustomLayers(plugins.layers(e.dnnCustomLayers(), path + ".dnn_custom_layers"));
        if (!dnn.isEmpty()) {
            if (e.dnnHiddenUnits() == null || e.dnnHiddenUnits().isEmpty()) {
                throw new ConfigException(
                        path + ".dnn_hidden_units: missing; give the units of each hidden layer, " + "e.g. [64, 32]");
            }
            builder.dnnHiddenUnits(e.dnnHiddenUnits());
        }
        return builder;
    }

    private FtrlOptimizer ftrl(String key, double defaultRate) {
        JsonNode given = key.equals("optimizer") ? e.optimizer() : e.linearOptimizer();
        OptimizerOptions.Built<FtrlOptimizer> built = OptimizerOptions.ftrl(given, defaultRate, path + "." + key);
        effective.set(key, built.effective());
        return built.optimizer();
    }

    private Optimizer dense(String key, JsonNode given, double defaultRate) {
        OptimizerOptions.Built<Optimizer> built = OptimizerOptions.dense(given, defaultRate, path + "." + key);
        effective.set(key, built.effective());
        return built.optimizer();
    }

    private static SparseCombiner combiner(String name) {
        return SparseCombiner.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The options every estimator takes: run config, loss reduction, plugins, weight column, warm start. */
    private <B extends EstimatorBuilder<B>> B common(B builder) {
        builder.runConfig(runConfig).lossReduction(LossReduction.fromName(e.lossReduction()));
        plugins.lossAndMetrics(e, path, builder);
        if (e.weightColumn() != null) {
            builder.weightColumn(e.weightColumn());
        }
        if (warmStartFrom != null) {
            builder.warmStartFrom(warmStartFrom);
        }
        return builder;
    }

    private <B extends ClassifierBuilder<B>> B classifier(B builder) {
        builder.nClasses(e.nClasses());
        if (e.labelVocabulary() != null) {
            builder.labelVocabulary(e.labelVocabulary());
        }
        return builder;
    }

    private <B extends RegressorBuilder<B>> B regressor(B builder) {
        return builder.labelDimension(e.labelDimension());
    }
}
