package org.estimator4j.estimators.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.estimator4j.estimators.Model;
import org.estimator4j.estimators.baseline.BaselinePart;
import org.estimator4j.estimators.dnn.Activation;
import org.estimator4j.estimators.dnn.CustomLayer;
import org.estimator4j.estimators.dnn.DnnPart;
import org.estimator4j.estimators.dnn.LayerFactory;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.head.Heads;
import org.estimator4j.estimators.linear.LinearPart;
import org.estimator4j.estimators.linear.SparseCombiner;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.estimators.optimizer.Optimizers;
import org.estimator4j.estimators.widedeep.WideDeepPart;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.json.ColumnFiles;
import org.estimator4j.features.json.FeatureColumnJson;

/**
 * A model rebuilt from its description ({@code model.json} of a bundle, {@code estimator.json} of a model directory):
 * the head and a model whose variables have the saved names and sizes, ready for {@code restore}.
 */
record DescribedModel(String type, Head head, Model model) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Optimizers never run when serving; they only shape the variables' slots.
    private static final FtrlOptimizer UNUSED_FTRL = FtrlOptimizer.withLearningRate(0.2);

    /** @param files where the files the columns name (vocabularies) are read: inside the bundle when serving */
    static DescribedModel rebuild(JsonNode d, String where, LayerFactory layers, ColumnFiles files) {
        String type = d.path("estimator").asText();
        Head head = switch (type) {
            case "LinearClassifier", "BaselineClassifier", "DNNClassifier", "DNNLinearCombinedClassifier" -> {
                int n = d.path("n_classes").asInt(2);
                List<String> vocabulary = strings(d.get("label_vocabulary"));
                yield n == 2 ? Heads.binary(vocabulary) : Heads.multiClass(n, vocabulary);
            }
            case "LinearRegressor", "BaselineRegressor", "DNNRegressor", "DNNLinearCombinedRegressor" ->
                Heads.regression(d.path("label_dimension").asInt(1));
            default ->
                throw new IllegalStateException(where + " holds a " + type + ", which this version cannot serve");
        };
        int logits = head.logitsDimension();
        Model model = switch (type) {
            case "BaselineClassifier", "BaselineRegressor" -> new BaselinePart(logits, UNUSED_FTRL);
            case "LinearClassifier", "LinearRegressor" ->
                new LinearPart(
                        columns(d, "feature_columns", files), logits, combiner(d, "sparse_combiner"), UNUSED_FTRL);
            case "DNNClassifier", "DNNRegressor" -> dnn(d, "", logits, where, layers, files);
            default -> {
                List<FeatureColumn> linear = columns(d, "linear_feature_columns", files);
                List<FeatureColumn> deep = columns(d, "dnn_feature_columns", files);
                yield new WideDeepPart(
                        linear.isEmpty()
                                ? null
                                : new LinearPart(linear, logits, combiner(d, "linear_sparse_combiner"), UNUSED_FTRL),
                        deep.isEmpty() ? null : dnn(d, "dnn_", logits, where, layers, files));
            }
        };
        return new DescribedModel(type, head, model);
    }

    private static DnnPart dnn(
            JsonNode d, String prefix, int logits, String where, LayerFactory layers, ColumnFiles files) {
        List<CustomLayer> custom = new ArrayList<>();
        for (JsonNode l : d.path(prefix + "custom_layers")) {
            String type = l.path("type").asText();
            String origin = l.path("origin").asText("unknown origin");
            @SuppressWarnings("unchecked")
            Map<String, Object> params = MAPPER.convertValue(l.path("params"), Map.class);
            try {
                layers.create(type, params); // fail now, with the bundle named, rather than inside the model
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        where + ": the model's DNN uses plugin layer '" + type + "' from "
                                + origin + ", which is not installed here (" + e.getMessage() + "); put " + origin
                                + " in the plugins folder (--plugins DIR, or E4J_PLUGINS_DIR) and load again",
                        e);
            }
            custom.add(new CustomLayer(type, params, origin, () -> layers.create(type, params)));
        }
        List<Integer> units = new ArrayList<>();
        d.path(prefix + "hidden_units").forEach(u -> units.add(u.asInt()));
        @SuppressWarnings("unchecked")
        Map<String, Object> optimizerConfig = MAPPER.convertValue(d.get(prefix + "optimizer"), Map.class);
        Optimizer optimizer = Optimizers.fromConfig(optimizerConfig, 0.05, where + ": " + prefix + "optimizer");
        return new DnnPart(
                "dnn",
                columns(d, prefix + "feature_columns", files),
                logits,
                units,
                Activation.fromName(d.path(prefix + "activation").asText("relu")),
                d.path(prefix + "dropout").asDouble(0),
                d.path("batch_norm").asBoolean(false),
                custom,
                optimizer,
                0L);
    }

    private static List<FeatureColumn> columns(JsonNode d, String key, ColumnFiles files) {
        JsonNode json = d.get(key);
        return json == null ? List.of() : FeatureColumnJson.fromJson(json, files);
    }

    private static SparseCombiner combiner(JsonNode d, String key) {
        return SparseCombiner.valueOf(d.path(key).asText("sum").toUpperCase(Locale.ROOT));
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
