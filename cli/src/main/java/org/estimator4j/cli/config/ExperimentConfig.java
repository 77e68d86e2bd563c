package org.estimator4j.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.memory.FloatBudget;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.json.ColumnFiles;
import org.estimator4j.features.json.FeatureColumnJson;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.spi.callback.Callback;

/**
 * An experiment as one JSON file (or YAML, for {@code .yaml} / {@code .yml}): the data (CSV files, format, label,
 * batching), the feature columns (in the feature-columns JSON shape), the estimator and its options, how long to
 * train, and the run config. Paths are relative to the config file's folder. {@link #load} reads it strictly
 * ({@link ConfigText}: keys given twice, text after the config; {@link ConfigBinder}: unknown keys, wrong types and
 * values out of range, each named by its JSON path), after the {@code --set path=value} overrides
 * ({@link ConfigOverrides}). The CSV format keys of {@code data} may be overridden per split under {@code data.train}
 * / {@code data.eval} ({@link CsvSection}).
 *
 * <p>The estimator is built when the config is read ({@link EstimatorFactory}), so every mistake a model would refuse
 * is reported before anything runs; inputs and callbacks are made on demand ({@link InputFactory},
 * {@link PluginParts}).
 *
 * <pre>{@code
 * {
 *   "data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "income_bracket",
 *            "batch_size": 40, "epochs": 40},
 *   "feature_columns": [ ... ],
 *   "estimator": {"type": "LinearClassifier", "label_vocabulary": ["<=50K", ">50K"]},
 *   "train": {"max_steps": 20000, "eval_every_steps": 2000, "best_metric": "auc"},
 *   "run_config": {"model_dir": "model"}
 * }
 * }</pre>
 */
public final class ExperimentConfig {
    /** {@code "epochs": "forever"}: repeat the train files until the steps stop training. */
    public static final String FOREVER = DataSection.FOREVER;
    /** The estimator types a config can name. */
    public static final List<String> ESTIMATORS = EstimatorOptions.TYPES;
    /** The keys of the three column lists; wide and deep takes the last two instead of the first. */
    private static final List<String> COLUMN_KEYS =
            List.of("feature_columns", "linear_feature_columns", "dnn_feature_columns");

    private final Path source;
    private final ConfigFile config;
    private final Components components;
    private final InputFactory inputs;
    private final List<ComponentSpec> callbackSpecs;
    /** The column lists by key, with their learned state (only the keys the config gives). */
    private final Map<String, List<FeatureColumn>> columns;

    private final ModelEstimator estimator;
    private final RunConfig runConfig;
    private final Path exportDir;
    private final RunLabels runLabels;
    /** Where the columns that learn from data got their state (learned now, or kept in model_dir), or null. */
    private final String columnStateNote;
    /** The config as read, after the --set overrides: what a run records as its config. */
    private final JsonNode resolved;
    /** The config as used: every value read, defaults filled in ({@code e4j config show}). */
    private final ObjectNode effective;

    /** A component named in the config: provider, the name its results go under, parameters, config path. */
    public record ComponentSpec(String type, String name, Map<String, Object> params, String path) {}

    private ExperimentConfig(Path source, JsonNode root, ConfigFile config, Components components) {
        this.source = source;
        this.config = config;
        this.components = components;
        this.resolved = root.deepCopy();
        String where = source.getFileName().toString();
        Path base = source.toAbsolutePath().getParent();
        DataSection data = config.data();

        CsvFormat dataFormat = data.csv().format();
        CsvFormat trainFormat = data.train() == null ? dataFormat : data.train().format();
        CsvFormat evalFormat = data.eval() == null ? dataFormat : data.eval().format();
        List<Path> trainFiles = paths(base, data.trainFiles());
        List<Path> evalFiles = paths(base, data.evalFiles());
        if (!trainFiles.isEmpty()) {
            trainFormat.check(where + ".data" + (data.train() == null ? "" : ".train"));
        }
        if (!evalFiles.isEmpty()) {
            evalFormat.check(where + ".data" + (data.eval() == null ? "" : ".eval"));
        }
        this.inputs = new InputFactory(
                where,
                trainFiles,
                evalFiles,
                dataFormat,
                trainFormat,
                evalFormat,
                data.label(),
                data.batchSize(),
                data.shuffleBuffer(),
                data.seed(),
                data.epochCount());

        this.effective = ConfigBinder.MAPPER.valueToTree(config);
        Map<String, List<FeatureColumn>> declared = new LinkedHashMap<>();
        for (String key : COLUMN_KEYS) {
            List<FeatureColumn> list = columns(where, key, effective.get(key), base);
            if (list != null) {
                declared.put(key, list);
                effective.set(key, FeatureColumnJson.toJson(list)); // every column key, defaults included
            }
        }
        if (declared.isEmpty()) {
            throw new ConfigException(where + ".feature_columns: missing; give a list of feature columns (or, "
                    + "for wide and deep, linear_feature_columns and dnn_feature_columns)");
        }
        this.callbackSpecs = PluginParts.specs(config.train().callbacks(), where + ".train.callbacks");
        String exportTo = config.train().exportDir();
        this.exportDir = exportTo == null ? null : base.resolve(exportTo).normalize();
        this.runConfig = config.runConfig().runConfig(base);

        // Columns that learn from data get their state before the model is built from them.
        LearnedColumnState.Outcome learned = LearnedColumnState.resolve(
                where,
                runConfig.modelDir(),
                declared,
                trainFiles.isEmpty()
                        ? null
                        : () -> Dataset.fromCsv(inputs.trainCsv()).batch(4096, false, Batch::of));
        this.columns = learned.columns();
        this.columnStateNote = learned.note();

        String estimatorPath = where + ".estimator";
        ObjectNode estimatorJson = EstimatorOptions.withDefaults(config.estimator(), estimatorPath);
        EstimatorSection section = ConfigBinder.bind(estimatorJson, EstimatorSection.class, estimatorPath);
        checkColumnsFit(where, section.type());
        ObjectNode effectiveEstimator = ConfigBinder.MAPPER.valueToTree(section);
        this.estimator = new EstimatorFactory(
                        section, estimatorPath, effectiveEstimator, new PluginParts(components), runConfig, base)
                .build(orEmpty("feature_columns"), orEmpty("linear_feature_columns"), orEmpty("dnn_feature_columns"));
        effective.set("estimator", effectiveEstimator);
        checkBatchSize(where + ".data", section);
        this.runLabels = config.run() == null ? RunLabels.NONE : config.run().labels();
        effective.set("experiment", TextNode.valueOf(experimentName()));
    }

    /** Reads {@code file}, applies the {@code key.path=value} overrides, and checks everything. */
    public static ExperimentConfig load(Path file, List<String> overrides) {
        return load(file, overrides, null, ClasspathComponents::new);
    }

    /**
     * Reads {@code file} with its components (losses, metrics, layers, callbacks) from {@code registry}, which is
     * given the plugins folder: {@code pluginsDir} when set (the {@code --plugins} flag), else the config's
     * {@code plugins.dir} (relative to the config file), else none (the registry may consult the environment).
     */
    public static ExperimentConfig load(
            Path file, List<String> overrides, Path pluginsDir, Function<Optional<Path>, Components> registry) {
        JsonNode root;
        try {
            root = ConfigText.parse(
                    Files.readString(file),
                    file.toString(),
                    ConfigText.isYaml(file.getFileName().toString()));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read it (" + e + ")", e);
        }
        for (String o : overrides) {
            ConfigOverrides.apply(root, o);
        }
        ConfigFile config =
                ConfigBinder.bind(root, ConfigFile.class, file.getFileName().toString());
        Path dir = pluginsDir;
        if (dir == null && config.plugins() != null && config.plugins().dir() != null) {
            dir = file.toAbsolutePath()
                    .getParent()
                    .resolve(config.plugins().dir())
                    .normalize();
        }
        return new ExperimentConfig(file, root, config, registry.apply(Optional.ofNullable(dir)));
    }

    /**
     * The feature columns {@code json} holds (under {@code key}), or null when the config has none there. Files they
     * name (vocabulary files) are relative to the config file's folder, like every other path in a config.
     */
    private static List<FeatureColumn> columns(String where, String key, JsonNode json, Path base) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (!json.isArray()) {
            throw new ConfigException(where + "." + key + ": expected a list of feature columns");
        }
        List<FeatureColumn> parsed = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            try {
                parsed.add(FeatureColumnJson.fromJson(
                        json.get(i), where + "." + key + "[" + i + "]", ColumnFiles.relativeTo(base)));
            } catch (FeatureColumnException e) {
                throw new ConfigException(e.problem(), e); // starts with the column's config path
            }
        }
        return List.copyOf(parsed);
    }

    /** Wide and deep takes two column lists, every other estimator one (a baseline none). */
    private void checkColumnsFit(String where, String type) {
        boolean wideDeep = type.startsWith("DNNLinearCombined");
        if (wideDeep && columns.containsKey("feature_columns")) {
            throw new ConfigException(where + ".feature_columns: " + type + " takes linear_feature_columns and "
                    + "dnn_feature_columns instead");
        }
        if (!wideDeep
                && (columns.containsKey("linear_feature_columns") || columns.containsKey("dnn_feature_columns"))) {
            throw new ConfigException(where + ": linear_feature_columns and dnn_feature_columns are for "
                    + "DNNLinearCombinedClassifier / Regressor; a " + type + " takes feature_columns");
        }
        if (!wideDeep && !type.startsWith("Baseline") && !columns.containsKey("feature_columns")) {
            throw new ConfigException(where + ".feature_columns: missing; a " + type + " needs feature columns");
        }
    }

    /**
     * Refuses a batch size whose widest per-batch array (a column of the batch, the DNN's input or its widest hidden
     * layer: batch_size x width floats) does not fit in memory, before anything is read or allocated.
     */
    private void checkBatchSize(String dataPath, EstimatorSection e) {
        long width = 1;
        boolean wideDeep = e.type().startsWith("DNNLinearCombined");
        List<FeatureColumn> dnn = wideDeep
                ? orEmpty("dnn_feature_columns")
                : e.type().startsWith("DNN") ? orEmpty("feature_columns") : List.of();
        if (!dnn.isEmpty()) {
            width = Math.max(width, FeatureTransformer.dense(dnn).denseWidth());
        }
        List<Integer> units = wideDeep ? e.dnnHiddenUnits() : e.hiddenUnits();
        for (int u : units == null ? List.<Integer>of() : units) {
            width = Math.max(width, u);
        }
        int batchSize = batchSize();
        String problem = FloatBudget.tooLarge(batchSize, width);
        if (problem != null) {
            throw new ConfigException(dataPath + ".batch_size: " + batchSize + " is too large: the widest array of a "
                    + "batch (batch_size x " + width + (width == 1 ? "" : ", the model's widest layer") + ") would be "
                    + problem + "; use a smaller batch_size");
        }
    }

    private List<FeatureColumn> orEmpty(String key) {
        return columns.getOrDefault(key, List.of());
    }

    private static List<Path> paths(Path base, List<String> names) {
        return names.stream().map(n -> base.resolve(n).normalize()).toList();
    }

    /** Fresh callbacks named under {@code train.callbacks}, in order. */
    public List<Callback> callbacks() {
        return callbacks(c -> true);
    }

    /** Fresh callbacks named under {@code train.callbacks} that {@code which} accepts, in order. */
    public List<Callback> callbacks(Predicate<ComponentSpec> which) {
        return new PluginParts(components).callbacks(callbackSpecs, which);
    }

    /** The callbacks {@code train.callbacks} names, as written (type, name, parameters, config path). */
    public List<ComponentSpec> callbackSpecs() {
        return callbackSpecs;
    }

    /** Class-path providers only (until the plugin registry is wired in). */
    public static Components classpathComponents(Optional<Path> pluginsDir) {
        return new ClasspathComponents(pluginsDir);
    }

    /** The components this config was read with (to load models with plugin layers). */
    public Components components() {
        return components;
    }

    public Path source() {
        return source;
    }

    public ModelEstimator estimator() {
        return estimator;
    }

    /** {@code train.steps} or {@code train.max_steps}; neither: until the input ends. */
    public Steps steps() {
        TrainSection t = config.train();
        return t.steps() != null
                ? Steps.of(t.steps())
                : t.maxSteps() != null ? Steps.max(t.maxSteps()) : Steps.untilEndOfInput();
    }

    public RunConfig runConfig() {
        return runConfig;
    }

    /** {@code train.eval_every_steps}: evaluate during training every this many global steps, or null. */
    public Long evalEverySteps() {
        return config.train().evalEverySteps();
    }

    /** {@code train.best_metric}: the eval metric that picks the best export (default {@code loss}). */
    public String bestMetric() {
        return config.train().bestMetric();
    }

    /** {@code train.best_metric_higher_is_better}; by default true for accuracy, auc, precision, recall and r2. */
    public boolean bestMetricHigherIsBetter() {
        return config.train().bestMetricHigherIsBetter();
    }

    /** {@code train.export_dir} (relative to the config file), by default {@code <model_dir>/export}. */
    public Path exportDir() {
        return exportDir != null ? exportDir : runConfig.modelDir().resolve("export");
    }

    /**
     * Where the feature columns that learn from data (learned vocabularies, normalizers, quantile buckets) got their
     * state: learned in one pass over the train files, or kept from the model directory's first training. Null when
     * no column learns from data.
     */
    public String columnStateNote() {
        return columnStateNote;
    }

    /** Every feature column the config declares (both lists of a wide-and-deep model), with their learned state. */
    public List<FeatureColumn> featureColumns() {
        List<FeatureColumn> all = new ArrayList<>();
        columns.values().forEach(all::addAll);
        return all;
    }

    /** TRAIN input: the train files, shuffled and repeated for the configured epochs. */
    public InputFn trainInput() {
        return inputs.trainInput();
    }

    /** EVAL and PREDICT input: the eval files, in order. */
    public InputFn evalInput() {
        return inputs.evalInput();
    }

    /**
     * Input for predicting other CSV files of the same format: read in order, without labels (a label column, if
     * the files have one, is dropped).
     */
    public InputFn inputFrom(List<Path> files) {
        return inputs.inputFrom(files);
    }

    public String label() {
        return config.data().label();
    }

    public boolean hasEvalData() {
        return !inputs.evalFiles().isEmpty();
    }

    /** {@code store}: the experiment store (a JDBC URL or a path) runs of this config are recorded in, or null. */
    public String store() {
        return config.store();
    }

    /** {@code experiment}: the experiment runs are recorded under; by default the config file name, no extension. */
    public String experimentName() {
        if (config.experiment() != null) {
            return config.experiment();
        }
        String file = source.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** {@code run.name} and {@code run.tags} (none when the config has no {@code run} section). */
    public RunLabels runLabels() {
        return runLabels;
    }

    /** The config as read, after the {@code --set} overrides and before defaults: a copy to keep. */
    public JsonNode resolvedJson() {
        return resolved.deepCopy();
    }

    /** The config as used: every value, defaults filled in, after the --set overrides (a copy). */
    public JsonNode effectiveJson() {
        return effective.deepCopy();
    }

    /** The train files, then the eval files. */
    public List<Path> dataFiles() {
        List<Path> all = new ArrayList<>(inputs.trainFiles());
        all.addAll(inputs.evalFiles());
        return all;
    }

    /** {@code data.batch_size}: rows per training step. */
    public int batchSize() {
        return inputs.batchSize();
    }

    /** {@code data.epochs}: passes over the train files (negative: until the steps are done). */
    public long epochs() {
        return inputs.epochs();
    }

    /** How the train files are read (files, header, skipped lines): to count their rows. */
    public CsvOptions trainCsv() {
        return inputs.trainCsv();
    }

    /** {@code data.seed}: the seed of the input's shuffling. */
    public long dataSeed() {
        return inputs.seed();
    }
}
