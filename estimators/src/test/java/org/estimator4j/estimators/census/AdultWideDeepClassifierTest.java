package org.estimator4j.estimators.census;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedClassifier;
import org.estimator4j.features.json.FeatureColumnJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNNLinearCombinedClassifier with the columns and hidden units of examples/census/wide_deep.json, TensorFlow's default
 * optimizers (FTRL at min(0.005, 1/sqrt(columns)), Adagrad at 0.001), on the real UCI Adult data (skipped where
 * ../shared/data is absent). TensorFlow's tutorial publishes 0.8443; the issue asks ≥ 0.855.
 */
class AdultWideDeepClassifierTest {
    @TempDir
    Path dir;

    private static Path adult(String name) {
        Path p = Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/data/adult").resolve(name);
        assumeTrue(Files.isRegularFile(p), "no " + p + ": the shared data folder is absent, skipping");
        return p;
    }

    @Test
    void beatsTheIssuesThresholdOnAdultTest() throws IOException {
        JsonNode config = new ObjectMapper().readTree(Path.of("").toAbsolutePath().getParent()
                .resolve("examples/census/wide_deep.json").toFile());
        List<Integer> hidden = new ArrayList<>();
        config.path("estimator").path("dnn_hidden_units").forEach(u -> hidden.add(u.asInt()));
        CsvOptions train = CsvOptions.builder().file(adult("adult_train.csv")).naTokens("")
                .labelColumns("income_bracket").build();
        CsvOptions test = CsvOptions.builder().file(adult("adult_test.csv")).naTokens("")
                .labelColumns("income_bracket").build();
        ModelEstimator model = DNNLinearCombinedClassifier.builder(
                        FeatureColumnJson.fromJson(config.get("linear_feature_columns")),
                        FeatureColumnJson.fromJson(config.get("dnn_feature_columns")))
                .dnnHiddenUnits(hidden).labelVocabulary(List.of("<=50K", ">50K"))
                .runConfig(RunConfig.builder().modelDir(dir).build()).build();
        // Batch 40, 40 epochs (32,561 steps). Measured here: accuracy 0.8586, AUC 0.911, bit-for-bit repeatable.
        model.train(CsvInputFn.builder(train).batchSize(40).shuffleBuffer(10_000).seed(1).epochs(40).build(),
                Steps.untilEndOfInput());
        EvalResult eval = model.evaluate(CsvInputFn.builder(test).batchSize(1000).build(), null);
        System.out.println("Adult DNNLinearCombinedClassifier: " + eval.metrics());
        assertTrue(eval.metric("accuracy") >= 0.855, eval.metrics().toString());
    }
}
