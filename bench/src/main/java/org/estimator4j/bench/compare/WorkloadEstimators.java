package org.estimator4j.bench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.bench.workloads.OptimizerSpec;
import org.estimator4j.bench.workloads.Workload;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.dnn.Activation;
import org.estimator4j.estimators.dnn.DNNClassifier;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.optimizer.AdagradOptimizer;
import org.estimator4j.estimators.optimizer.AdamOptimizer;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedClassifier;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;

/**
 * The premade estimator a user would configure for each workload: identity columns over the ids, numeric columns
 * over the dense values, and the workload's optimizers. Only the step loop is timed, so checkpoints are written only
 * when a train call ends.
 */
final class WorkloadEstimators {
    private WorkloadEstimators() {}

    static ModelEstimator build(Workload w, Path modelDir) {
        RunConfig config = RunConfig.builder()
                .modelDir(modelDir)
                .saveCheckpointsSecs(1_000_000_000)
                .logStepCountSteps(Integer.MAX_VALUE)
                .seed(1)
                .build();
        List<FeatureColumn> wide = new ArrayList<>();
        for (String c : w.wideColumns) {
            wide.add(identity(w, c));
        }
        List<FeatureColumn> deep = new ArrayList<>();
        for (Workload.DenseColumn c : w.denseColumns) {
            deep.add(
                    c.width() == 1
                            ? FeatureColumns.numericColumn(c.name())
                            : FeatureColumns.numericColumn(c.name(), new int[] {c.width()}, null, null));
        }
        for (String c : w.indicatorColumns) {
            deep.add(FeatureColumns.indicatorColumn(identity(w, c)));
        }
        for (Workload.Embedding e : w.embeddings) {
            deep.add(FeatureColumns.embeddingColumn(identity(w, e.column()), e.dimension()));
        }
        if (w.hasWidePart() && w.hasDeepPart()) {
            return DNNLinearCombinedClassifier.builder(wide, deep)
                    .dnnHiddenUnits(w.hiddenUnits)
                    .dnnActivation(Activation.RELU)
                    .dnnOptimizer(optimizer(w.deepOptimizer))
                    .linearOptimizer(ftrl(w.wideOptimizer))
                    .runConfig(config)
                    .build();
        }
        if (w.hasDeepPart()) {
            return DNNClassifier.builder(deep)
                    .hiddenUnits(w.hiddenUnits)
                    .activation(Activation.RELU)
                    .optimizer(optimizer(w.deepOptimizer))
                    .runConfig(config)
                    .build();
        }
        return LinearClassifier.builder(wide)
                .optimizer(ftrl(w.wideOptimizer))
                .runConfig(config)
                .build();
    }

    private static CategoricalColumn identity(Workload w, String column) {
        return FeatureColumns.categoricalColumnWithIdentity(
                column, w.idColumn(column).cardinality());
    }

    private static Optimizer optimizer(OptimizerSpec s) {
        return switch (s.name()) {
            case "adam" -> new AdamOptimizer(s.learningRate(), s.beta1(), s.beta2(), s.epsilon());
            case "adagrad" -> new AdagradOptimizer(s.learningRate(), s.initialAccumulator(), s.epsilon());
            default -> throw new IllegalArgumentException("no deep-part optimizer " + s.name());
        };
    }

    private static FtrlOptimizer ftrl(OptimizerSpec s) {
        return new FtrlOptimizer(s.learningRate(), s.learningRatePower(), s.initialAccumulator(), 0, 0, 0);
    }
}
