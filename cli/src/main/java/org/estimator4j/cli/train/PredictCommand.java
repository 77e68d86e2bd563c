package org.estimator4j.cli.train;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.data.DatasetIterator;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.input.Mode;
import org.estimator4j.api.table.Batch;
import org.estimator4j.cli.Console;
import org.estimator4j.cli.E4jException;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.cli.plugins.PluginRegistries;
import org.estimator4j.estimators.dnn.LayerFactory;
import org.estimator4j.estimators.serving.InvalidBundleException;
import org.estimator4j.estimators.serving.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code e4j predict}: one output row per example, from an exported bundle ({@code --bundle DIR}, no config needed)
 * or from the model directory's latest checkpoint ({@code --config FILE}). Input is CSV (with a header row) or JSON
 * lines (a list value is a multivalent feature), from files or standard input ({@code --input -}); a config's CSV
 * format applies to CSV input when a config is given, and its eval files are the default input. Output is JSON lines
 * (TensorFlow's keys: logits, logistic, probabilities, class_ids, classes, or predictions), CSV or a table, with
 * {@code --keep-columns} copied from the input in front (ids, to join predictions back to their rows).
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "Predict with an exported bundle (--bundle) or the latest checkpoint (--config).")
public final class PredictCommand implements Callable<Integer> {
    /** Rows per batch when no config says otherwise. */
    private static final int BATCH_SIZE = 256;

    @Option(
            names = "--bundle",
            paramLabel = "DIR",
            description = "Serve from this exported bundle (no --config needed).")
    Path bundle;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Experiment config: predict with its model directory's latest checkpoint (or, with "
                    + "--bundle, read CSV input in its data format).")
    Path config;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Overrides run_config.model_dir.")
    Path modelDir;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Overrides a config value (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            description = "A folder of plugin jars (overrides the config's plugins.dir and E4J_PLUGINS_DIR).")
    Path plugins;

    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "CSV or JSON lines to predict; - reads standard input (repeatable; default: the "
                    + "config's eval files).")
    List<String> input = new ArrayList<>();

    @Option(
            names = "--input-format",
            paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: from the file's extension, else its first character).")
    PredictionInput.Format inputFormat;

    @Option(
            names = "--format",
            defaultValue = "jsonl",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PredictionWriter.Format format;

    @Option(
            names = "--keep-columns",
            split = ",",
            paramLabel = "COLUMN",
            description = "Input columns to copy to the output in front of each prediction, e.g. --keep-columns id.")
    List<String> keepColumns = new ArrayList<>();

    @Option(
            names = "--no-verify",
            description = "Load the bundle without checking its files against manifest.json (only for a bundle "
                    + "you trust; its paths and sizes are still checked).")
    boolean noVerify;

    @Spec
    CommandSpec spec;

    @Inject
    Provider<ConfigOptions> configOptions;

    @Inject
    PluginRegistries registries;

    @Inject
    Console io;

    @Override
    public Integer call() {
        if (bundle == null && config == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give --bundle DIR (an exported bundle) or --config "
                            + "FILE (the model directory's latest checkpoint)");
        }
        if (noVerify && bundle == null) {
            throw new ParameterException(spec.commandLine(), "--no-verify applies to --bundle only");
        }
        if (config == null && input.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give --input FILE (CSV or JSON lines), or --input - " + "to read standard input");
        }
        for (String key : keepColumns) {
            if (List.of("logits", "logistic", "probabilities", "class_ids", "classes", "predictions")
                    .contains(key)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--keep-columns " + key + ": that name is a " + "prediction key; rename the input column");
            }
        }
        ExperimentConfig experiment = config == null ? null : loadConfig();
        PredictionWriter writer = PredictionWriter.of(format, spec.commandLine().getOut());
        try (PredictionInput in = input.isEmpty() ? null : PredictionInput.open(input, inputFormat, io.in())) {
            if (bundle != null) {
                Predictor predictor = loadBundle(experiment);
                try (Dataset<Batch> batches = features(experiment, in);
                        DatasetIterator<Batch> it = batches.iterator()) {
                    while (it.hasNext()) {
                        Batch batch = it.next();
                        write(writer, batch, predictor.predict(batch).iterator());
                    }
                }
            } else {
                List<Prediction> predictions = experiment
                        .estimator()
                        .predict(mode -> features(experiment, in).map(b -> new LabeledBatch(b, b.select(List.of()))));
                Iterator<Prediction> p = predictions.iterator();
                // The estimator answers for the whole input at once; the kept columns come from a second pass.
                try (Dataset<Batch> batches = features(experiment, in);
                        DatasetIterator<Batch> it = batches.iterator()) {
                    while (it.hasNext()) {
                        write(writer, it.next(), p);
                    }
                }
            }
        }
        writer.finish();
        return 0;
    }

    private ExperimentConfig loadConfig() {
        ConfigOptions options = configOptions.get();
        options.config = config;
        options.modelDir = modelDir;
        options.overrides = overrides;
        options.plugins = plugins;
        return options.load();
    }

    private Predictor loadBundle(ExperimentConfig experiment) {
        LayerFactory layers = experiment != null
                ? experiment.components().layers()
                : PluginComponents.load(Optional.ofNullable(plugins), registries)
                        .layers();
        Predictor.Loader loader = Predictor.loader(bundle).layers(layers);
        try {
            return (noVerify ? loader.withoutVerification() : loader).load();
        } catch (InvalidBundleException e) {
            throw new E4jException(e.problem(), e.remedy(), e);
        }
    }

    /** The input's rows in batches, features only, in input order. */
    private Dataset<Batch> features(ExperimentConfig experiment, PredictionInput in) {
        if (in == null) {
            return experiment.evalInput().apply(Mode.PREDICT).map(LabeledBatch::features);
        }
        if (experiment != null && in.format() == PredictionInput.Format.csv) {
            return experiment.inputFrom(in.files()).apply(Mode.PREDICT).map(LabeledBatch::features);
        }
        return in.batches(BATCH_SIZE);
    }

    private void write(PredictionWriter writer, Batch batch, Iterator<Prediction> predictions) {
        for (String key : keepColumns) {
            if (!batch.schema().contains(key)) {
                throw new E4jException(
                        "--keep-columns " + key + ": the input has no column '" + key + "' (its columns: "
                                + String.join(", ", batch.schema().names()) + ")",
                        "name input columns to copy, separated by commas");
            }
        }
        for (int r = 0; r < batch.numRows(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String key : keepColumns) {
                row.put(key, asList(batch.column(key).get(r)));
            }
            row.putAll(predictions.next().asMap());
            writer.write(row);
        }
    }

    /** A multivalent value (an array) as a list, so that it prints as one JSON value. */
    private static Object asList(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return value;
        }
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < Array.getLength(value); i++) {
            list.add(Array.get(value, i));
        }
        return list;
    }
}
