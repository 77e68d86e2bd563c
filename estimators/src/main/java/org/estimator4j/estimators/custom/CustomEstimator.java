package org.estimator4j.estimators.custom;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.EstimatorBuilder;
import org.estimator4j.estimators.EstimatorDescription;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.transform.FeatureTransformer;

/**
 * TensorFlow's custom {@code Estimator(model_fn)} with a Deeplearning4j network: the feature columns' dense input
 * (numeric, bucketized, indicator columns, concatenated by name as the DNN estimators do) feeds the network, whose
 * output is the logits; the head ({@code Heads.binary}, {@code multiClass}, {@code regression}) turns them into loss,
 * predictions and metrics, so steps, callbacks, checkpoints and evaluation are those of the premade estimators.
 *
 * <p>The network ends in a layer whose activation is the identity (e.g. a {@code DenseLayer} with
 * {@code Activation.IDENTITY} and {@code nOut} = the head's logits dimension), not an {@code OutputLayer}: the head
 * owns the loss. Its updater ({@code .updater(new Adam(0.01))}) trains it, and its seed ({@code .seed(...)}) draws
 * its initial weights.
 *
 * <pre>{@code
 * ModelEstimator model = CustomEstimator.builder(columns, network, Heads.binary(List.of("no", "yes")))
 *         .runConfig(config).build();
 * }</pre>
 */
public final class CustomEstimator {
    private static final String NAME = "CustomEstimator";

    private CustomEstimator() {}

    public static Builder builder(List<? extends FeatureColumn> columns, MultiLayerConfiguration network, Head head) {
        return new Builder(columns, network, head);
    }

    /**
     * With the network built for the feature columns' output: {@code network} gets the dense input's width (values
     * per example: the columns' widths summed, e.g. 3 for an indicator over 3 words plus 1 for a number) and returns
     * the configuration, so the first layer's {@code nIn} follows the columns.
     */
    public static Builder builder(
            List<? extends FeatureColumn> columns, IntFunction<MultiLayerConfiguration> network, Head head) {
        requireNonNull(network, "network is null");
        int width = FeatureTransformer.dense(requireNonNull(columns, "columns is null"))
                .denseWidth();
        return new Builder(columns, requireNonNull(network.apply(width), "the network function returned null"), head);
    }

    /** Weight column, run config, warm start, loss reduction, plugin loss and metrics: as every estimator has. */
    public static final class Builder extends EstimatorBuilder<Builder> {
        private final List<FeatureColumn> columns;
        private final MultiLayerConfiguration network;
        private final Head head;

        private Builder(List<? extends FeatureColumn> columns, MultiLayerConfiguration network, Head head) {
            this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
            // A copy: changing the caller's configuration after build() does not change the built estimator.
            this.network = requireNonNull(network, "network is null").clone();
            this.head = requireNonNull(head, "head is null");
        }

        @Override
        protected Builder self() {
            return this;
        }

        public ModelEstimator build() {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException(NAME + " needs at least one feature column");
            }
            Head decorated = decorate(head);
            int logits = decorated.logitsDimension();
            MultiLayerConfiguration frozen = network.clone();
            // Checks the network against the columns and the head now, not at the first training step.
            Dl4jNetworkPart.check(columns, frozen, logits);
            RunConfig config = config();
            String description = EstimatorDescription.builder(NAME)
                    .featureColumns("feature_columns", columns)
                    .put("network", networkJson(frozen))
                    .put("logits_dimension", logits)
                    .put("weight_column", weightColumn())
                    .put("loss_reduction", lossReduction().tfName())
                    .putIfNotNull("loss", lossDescription())
                    .build();
            return new ModelEstimator(
                    description,
                    () -> new Dl4jNetworkPart(columns, frozen, logits),
                    decorated,
                    config,
                    weightColumn(),
                    warmStartFrom());
        }

        /** DL4J's own JSON of the network, as a tree, so the description (and a checkpoint's check) holds it whole. */
        private static Object networkJson(MultiLayerConfiguration network) {
            try {
                return new ObjectMapper().readTree(network.toJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("DL4J wrote JSON it cannot read back: " + e.getMessage(), e);
            }
        }
    }
}
