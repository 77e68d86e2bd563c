package org.estimator4j.cli.config;

import static org.estimator4j.cli.config.OptionSpec.OptionType.BOOLEAN;
import static org.estimator4j.cli.config.OptionSpec.OptionType.COMPONENT;
import static org.estimator4j.cli.config.OptionSpec.OptionType.COMPONENT_LIST;
import static org.estimator4j.cli.config.OptionSpec.OptionType.FTRL_OPTIMIZER;
import static org.estimator4j.cli.config.OptionSpec.OptionType.INTEGER;
import static org.estimator4j.cli.config.OptionSpec.OptionType.INTEGER_LIST;
import static org.estimator4j.cli.config.OptionSpec.OptionType.NUMBER;
import static org.estimator4j.cli.config.OptionSpec.OptionType.OPTIMIZER;
import static org.estimator4j.cli.config.OptionSpec.OptionType.STRING;
import static org.estimator4j.cli.config.OptionSpec.OptionType.STRING_LIST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.estimator4j.estimators.dnn.Activation;

/**
 * The options of each {@code estimator.type}, declared once: {@link #of} is what a config may give for a type, and
 * the same declarations fill in defaults ({@link #withDefaults}), refuse keys a type does not take, and make the
 * README's table and {@code e4j config schema}.
 */
public final class EstimatorOptions {
    private static final List<String> ACTIVATIONS =
            java.util.Arrays.stream(Activation.values()).map(Activation::tfName).toList();
    private static final List<String> COMBINERS = List.of("sum", "mean", "sqrtn");

    static final OptionSpec TYPE = OptionSpec.required("type", STRING, "the premade estimator");
    private static final List<OptionSpec> EVERY = List.of(
            TYPE,
            OptionSpec.optional(
                    "warm_start_from",
                    STRING,
                    null,
                    "a model directory whose variables (and optimizer "
                            + "slots) start this model, by name; relative to the config file"),
            OptionSpec.optional("weight_column", STRING, null, "a numeric column that weights each example's loss"),
            OptionSpec.oneOf(
                    "loss_reduction",
                    "sum_over_batch_size",
                    List.of("sum_over_batch_size", "sum"),
                    "how a batch's losses are reduced"),
            OptionSpec.optional("loss", COMPONENT, null, "a loss from the plugin registry, instead of the head's"),
            OptionSpec.optional(
                    "metrics", COMPONENT_LIST, null, "extra evaluation metrics from the plugin " + "registry"));
    private static final List<OptionSpec> CLASSIFIER = List.of(
            OptionSpec.optional("n_classes", INTEGER, 2, "number of label classes, 2 or more"),
            OptionSpec.optional(
                    "label_vocabulary",
                    STRING_LIST,
                    null,
                    "the labels as strings, in class order " + "(default: the labels are class ids)"));
    private static final List<OptionSpec> REGRESSOR =
            List.of(OptionSpec.optional("label_dimension", INTEGER, 1, "number of label columns, 1 or more"));
    private static final List<OptionSpec> LINEAR = List.of(
            OptionSpec.optional("optimizer", FTRL_OPTIMIZER, null, "FTRL at learning_rate 0.2"),
            OptionSpec.oneOf("sparse_combiner", "sum", COMBINERS, "how a multivalent column's weights combine"));
    private static final List<OptionSpec> BASELINE =
            List.of(OptionSpec.optional("optimizer", FTRL_OPTIMIZER, null, "FTRL at learning_rate 0.3"));
    private static final List<OptionSpec> DNN = List.of(
            OptionSpec.required("hidden_units", INTEGER_LIST, "units of each hidden layer, e.g. [64, 32]"),
            OptionSpec.oneOf("activation", "relu", ACTIVATIONS, "activation of the hidden layers"),
            OptionSpec.optional("dropout", NUMBER, 0.0, "probability of dropping a unit in training, in [0, 1)"),
            OptionSpec.optional("batch_norm", BOOLEAN, false, "batch normalization after each hidden layer"),
            OptionSpec.optional(
                    "optimizer", OPTIMIZER, null, "adagrad (default) at learning_rate 0.05, adam, sgd " + "or rmsprop"),
            OptionSpec.optional("custom_layers", COMPONENT_LIST, null, "plugin layers after the hidden layers"));
    private static final List<OptionSpec> WIDE_DEEP = List.of(
            OptionSpec.optional(
                    "dnn_hidden_units",
                    INTEGER_LIST,
                    null,
                    "units of each hidden layer; required " + "when there are dnn_feature_columns"),
            OptionSpec.oneOf("dnn_activation", "relu", ACTIVATIONS, "activation of the hidden layers"),
            OptionSpec.optional("dnn_dropout", NUMBER, 0.0, "probability of dropping a unit in training, in [0, 1)"),
            OptionSpec.optional("batch_norm", BOOLEAN, false, "batch normalization after each hidden layer"),
            OptionSpec.optional(
                    "linear_optimizer",
                    FTRL_OPTIMIZER,
                    null,
                    "FTRL at min(0.005, 1/sqrt(number of linear " + "columns))"),
            OptionSpec.optional(
                    "dnn_optimizer",
                    OPTIMIZER,
                    null,
                    "adagrad (default) at learning_rate 0.001, adam, " + "sgd or rmsprop"),
            OptionSpec.oneOf(
                    "linear_sparse_combiner", "sum", COMBINERS, "how a multivalent column's weights " + "combine"),
            OptionSpec.optional("dnn_custom_layers", COMPONENT_LIST, null, "plugin layers after the hidden layers"));

    /** Every estimator type, with its options in the order a config usually writes them. */
    static final Map<String, List<OptionSpec>> BY_TYPE = byType();

    /** The estimator types a config can name. */
    public static final List<String> TYPES = List.copyOf(BY_TYPE.keySet());

    private EstimatorOptions() {}

    private static Map<String, List<OptionSpec>> byType() {
        Map<String, List<OptionSpec>> out = new LinkedHashMap<>();
        out.put("LinearClassifier", join(LINEAR, CLASSIFIER));
        out.put("LinearRegressor", join(LINEAR, REGRESSOR));
        out.put("DNNClassifier", join(DNN, CLASSIFIER));
        out.put("DNNRegressor", join(DNN, REGRESSOR));
        out.put("DNNLinearCombinedClassifier", join(WIDE_DEEP, CLASSIFIER));
        out.put("DNNLinearCombinedRegressor", join(WIDE_DEEP, REGRESSOR));
        out.put("BaselineClassifier", join(BASELINE, CLASSIFIER));
        out.put("BaselineRegressor", join(BASELINE, REGRESSOR));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<OptionSpec> join(List<OptionSpec> family, List<OptionSpec> head) {
        List<OptionSpec> all = new ArrayList<>(EVERY);
        all.addAll(family);
        all.addAll(head);
        return List.copyOf(all);
    }

    /** The options of {@code type} (a name from {@link #TYPES}). */
    static List<OptionSpec> of(String type) {
        return BY_TYPE.get(type);
    }

    /**
     * The estimator section {@code node} (at {@code path}) checked against its type's declarations: a known type, no
     * key the type does not take, and every declared default filled in where the key is absent. Types and ranges are
     * left to the binding.
     */
    static ObjectNode withDefaults(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw new ConfigException(path + ": missing; it is required");
        }
        if (!node.isObject()) {
            throw new ConfigException(path + ": expected a JSON object");
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            throw new ConfigException(path + ".type: missing; it is required");
        }
        if (!type.isTextual()) {
            throw new ConfigException(path + ".type: expected a string, got " + type);
        }
        List<OptionSpec> options = of(type.textValue());
        if (options == null) {
            throw new ConfigException(
                    path + ".type: unknown estimator '" + type.textValue() + "'; use one of " + TYPES);
        }
        List<String> names = options.stream().map(OptionSpec::name).toList();
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> {
            if (!names.contains(n)) {
                unknown.add(n);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigException(path + ": unknown key" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + "; known keys: " + new TreeSet<>(names));
        }
        ObjectNode filled = ConfigBinder.MAPPER.createObjectNode();
        for (OptionSpec o : options) {
            JsonNode given = node.get(o.name());
            if (given != null && !given.isNull() && !(o.required() && given.isArray() && given.isEmpty())) {
                filled.set(o.name(), given);
            } else if (o.required()) {
                throw new ConfigException(path + "." + o.name() + ": missing; give the " + o.doc());
            } else if (o.defaultValue() != null) {
                filled.set(o.name(), ConfigBinder.MAPPER.valueToTree(o.defaultValue()));
            }
        }
        return filled;
    }
}
