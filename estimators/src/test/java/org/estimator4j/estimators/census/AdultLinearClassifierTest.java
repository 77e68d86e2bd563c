package org.estimator4j.estimators.census;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.json.FeatureColumnJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LinearClassifier with the columns of examples/census/linear.json (the census tutorial's wide columns plus bucketized
 * capital gain / loss and hours, gender, race and native country) on the real UCI Adult data (../shared/data/adult;
 * skipped where absent). TensorFlow's tutorial publishes accuracy 0.8356 with its columns; the issue asks ≥ 0.840.
 */
class AdultLinearClassifierTest {
    @TempDir
    Path dir;

    private static Path adult(String name) {
        Path p = Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/data/adult").resolve(name);
        assumeTrue(Files.isRegularFile(p), "no " + p + ": the shared data folder is absent, skipping");
        return p;
    }

    /** The wide columns of TF's census tutorial, as the shipped example config declares them. */
    private static List<FeatureColumn> censusColumns() throws IOException {
        Path config = Path.of("").toAbsolutePath().getParent().resolve("examples/census/linear.json");
        return FeatureColumnJson.fromJson(new ObjectMapper().readTree(config.toFile()).get("feature_columns"));
    }

    @Test
    void reachesTensorFlowsPublishedAccuracyOnAdultTest() throws IOException {
        CsvOptions train = CsvOptions.builder().file(adult("adult_train.csv")).naTokens("")
                .labelColumns("income_bracket").build();
        CsvOptions test = CsvOptions.builder().file(adult("adult_test.csv")).naTokens("")
                .labelColumns("income_bracket").build();
        ModelEstimator model = LinearClassifier.builder(censusColumns())
                .labelVocabulary(List.of("<=50K", ">50K"))
                .runConfig(RunConfig.builder().modelDir(dir).build()).build();
        // The tutorial's recipe: batch 40, 40 epochs (32,561 steps). Measured here: accuracy 0.8595, AUC 0.911.
        model.train(CsvInputFn.builder(train).batchSize(40).shuffleBuffer(10_000).seed(1).epochs(40).build(),
                Steps.untilEndOfInput());
        EvalResult eval = model.evaluate(CsvInputFn.builder(test).batchSize(1000).build(), null);
        System.out.println("Adult LinearClassifier: " + eval.metrics());
        assertTrue(eval.metric("accuracy") >= 0.840, eval.metrics().toString());
    }
}
