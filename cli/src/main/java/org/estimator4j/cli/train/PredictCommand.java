package org.estimator4j.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.cli.config.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e4j predict --config FILE [--input CSV...]}: one JSON line per example (TensorFlow's keys: logits, logistic,
 * probabilities, class_ids, classes, or predictions), for the given CSV files (same format as the config's data;
 * a label column, if present, is ignored) or the config's eval files.
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

    @Override
    public Integer call() throws Exception {
        ExperimentConfig config = options.load();
        List<Prediction> predictions = config.estimator().predict(input == null || input.isEmpty()
                ? config.evalInput() : config.inputFrom(input));
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        for (Prediction p : predictions) {
            out.println(mapper.writeValueAsString(p.asMap()));
        }
        return 0;
    }
}
