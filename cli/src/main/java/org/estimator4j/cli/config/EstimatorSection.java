package org.estimator4j.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.estimator4j.estimators.dnn.Activation;
import org.estimator4j.estimators.head.LossReduction;

/**
 * {@code estimator}: the premade estimator and its options, every estimator's keys in one record. Which keys a type
 * takes, and their defaults, come from {@link EstimatorOptions} before binding; this record checks types and ranges.
 * Optimizers stay JSON until the factory knows which kind (FTRL or a DNN optimizer) the type trains with. Keys the
 * type does not take stay null (not empty), so the effective section shows only the type's keys.
 */
record EstimatorSection(
        String type,
        String warmStartFrom,
        String weightColumn,
        String lossReduction,
        ComponentSection loss,
        List<ComponentSection> metrics,
        JsonNode optimizer,
        String sparseCombiner,
        List<Integer> hiddenUnits,
        String activation,
        Double dropout,
        Boolean batchNorm,
        List<ComponentSection> customLayers,
        List<Integer> dnnHiddenUnits,
        String dnnActivation,
        Double dnnDropout,
        JsonNode linearOptimizer,
        JsonNode dnnOptimizer,
        String linearSparseCombiner,
        List<ComponentSection> dnnCustomLayers,
        Integer nClasses,
        List<String> labelVocabulary,
        Integer labelDimension) {

    EstimatorSection {
        nClasses = ConfigBinder.atLeast("n_classes", nClasses, null, 2, "use 2 or more classes");
        labelDimension =
                ConfigBinder.atLeast("label_dimension", labelDimension, null, 1, "use 1 or more label columns");
        String probability = "use a probability of dropping a unit in [0, 1), e.g. 0.1 (0 turns dropout off)";
        dropout = ConfigBinder.number("dropout", dropout, null, r -> r >= 0 && r < 1, probability);
        dnnDropout = ConfigBinder.number("dnn_dropout", dnnDropout, null, r -> r >= 0 && r < 1, probability);
        positiveUnits("hidden_units", hiddenUnits);
        positiveUnits("dnn_hidden_units", dnnHiddenUnits);
        activation("activation", activation);
        activation("dnn_activation", dnnActivation);
        combiner("sparse_combiner", sparseCombiner);
        combiner("linear_sparse_combiner", linearSparseCombiner);
        try {
            LossReduction.fromName(lossReduction);
        } catch (IllegalArgumentException ex) {
            throw ConfigBinder.Problem.at("loss_reduction", ex.getMessage());
        }
    }

    private static void positiveUnits(String key, List<Integer> units) {
        for (int i = 0; units != null && i < units.size(); i++) {
            if (units.get(i) < 1) {
                throw ConfigBinder.Problem.notAllowed(key + "[" + i + "]", "use a positive number of units");
            }
        }
    }

    private static void activation(String key, String name) {
        try {
            if (name != null) {
                Activation.fromName(name);
            }
        } catch (IllegalArgumentException ex) {
            throw ConfigBinder.Problem.at(key, ex.getMessage());
        }
    }

    private static void combiner(String key, String name) {
        if (name != null && !List.of("sum", "mean", "sqrtn").contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw ConfigBinder.Problem.at(key, "unknown combiner '" + name + "'; use sum, mean or sqrtn");
        }
    }
}
