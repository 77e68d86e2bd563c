package org.estimator4j.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.data.DatasetIterator;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.input.Mode;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.estimators.serving.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e4j predict --config FILE [--input CSV...]}: one JSON line per example (TensorFlow's keys: logits, logistic,
 * probabilities, class_ids, classes, or predictions), for the given CSV files (same format as the config's data;
 * a label column, if present, is ignored) or the config's eval files; from the model directory's latest checkpoint,
 * or from an exported bundle ({@code --bundle}).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict with the latest checkpoint; prints one JSON line per example.")
public final class PredictCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--input", paramLabel = "CSV", description = "CSV files to predict (default: the eval files).")
    List<Path> input;

    @Spec
    CommandSpec spec;

    @Option(names = "--bundle", paramLabel = "DIR",
            description = "Serve from this exported bundle (a Predictor) instead of the model directory's checkpoint.")
    Path bundle;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig config = options.load();
        InputFn source = input == null || input.isEmpty() ? config.evalInput() : config.inputFrom(input);
        List<Prediction> predictions;
        if (bundle == null) {
            predictions = config.estimator().predict(source);
        } else {
            // The same batches as the estimator's own predict, so the bundle's answers can be compared bit for bit.
            Predictor predictor = Predictor.load(bundle, config.components().layers());
            predictions = new ArrayList<>();
            try (Dataset<LabeledBatch> data = source.apply(Mode.PREDICT);
                    DatasetIterator<LabeledBatch> batches = data.iterator()) {
                while (batches.hasNext()) {
                    predictions.addAll(predictor.predict(batches.next().features()));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        for (Prediction p : predictions) {
            out.println(mapper.writeValueAsString(p.asMap()));
        }
        return 0;
    }
}
