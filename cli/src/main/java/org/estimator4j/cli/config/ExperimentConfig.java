package org.estimator4j.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.EstimatorBuilder;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.baseline.BaselineClassifier;
import org.estimator4j.estimators.baseline.BaselineRegressor;
import org.estimator4j.estimators.RegressorBuilder;
import org.estimator4j.estimators.dnn.Activation;
import org.estimator4j.estimators.dnn.CustomLayer;
import org.estimator4j.estimators.head.CustomLoss;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.estimators.head.LossReduction;
import org.estimator4j.estimators.dnn.DNNClassifier;
import org.estimator4j.estimators.dnn.DnnBuilder;
import org.estimator4j.estimators.dnn.DNNRegressor;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.linear.LinearRegressor;
import org.estimator4j.estimators.linear.SparseCombiner;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.estimators.optimizer.Optimizers;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedClassifier;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedRegressor;
import org.estimator4j.estimators.widedeep.WideDeepBuilder;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.json.ColumnFiles;
import org.estimator4j.features.json.FeatureColumnJson;

/**
 * An experiment as one JSON file (or YAML, for {@code .yaml} / {@code .yml}): the data (CSV files, format, label,
 * batching), the feature columns (in the feature-columns JSON shape), the estimator and its options, how long to
 * train, and the run config. Paths are relative to the config file's folder. Reading is strict: unknown keys and wrong types are errors naming the JSON
 * path; keys given twice, text after the config and values out of their range are errors too (file:line:column or
 * the JSON path). {@code --set path=value} overrides any value first (the value is read as JSON when it parses, else
 * as a string). The CSV format keys of {@code data} may be overridden per split under {@code data.train} /
 * {@code data.eval} ({@link CsvFormat}).
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
    public static final String FOREVER = "forever";
    /** Strict, for --set values: a key given twice and text after the value are errors. */
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final Path source;
    private final List<Path> trainFiles;
    private final List<Path> evalFiles;
    private final CsvFormat dataFormat;
    private final CsvFormat trainFormat;
    private final CsvFormat evalFormat;
    private final String label;
    private final int batchSize;
    private final int shuffleBuffer;
    private final long dataSeed;
    private final long epochs;
    private final List<FeatureColumn> featureColumns;
    private final List<FeatureColumn> linearColumns;
    private final Components components;
    private final List<ComponentSpec> callbackSpecs;
    private LossReduction lossReduction = LossReduction.SUM_OVER_BATCH_SIZE;
    private ConfigNode currentEstimator;
    private final List<FeatureColumn> dnnColumns;
    private final ModelEstimator estimator;
    private final Steps steps;
    private final Long evalEverySteps;
    private final String bestMetric;
    private final boolean bestMetricHigherIsBetter;
    private final Path exportDir;
    private final RunConfig runConfig;
    /** Experiment store keys: {@code store} (URL or path) and {@code experiment} (name); either may be null. */
    private final String[] storeAndExperiment;
    /** {@code run.name} and {@code run.tags}: what the recorded run is called and tagged with. */
    private final RunLabels runLabels;
    /** Where the columns that learn from data got their state (learned now, or kept in model_dir), or null. */
    private final String columnStateNote;
    /** The config as read, after the --set overrides: what a run records as its config. */
    private final JsonNode resolved;
    /** The config as used: every value read, defaults filled in ({@code e4j config show}). */
    private final JsonNode effective;

    private ExperimentConfig(Path source, JsonNode root, Components components) {
        this.source = source;
        Path base = source.toAbsolutePath().getParent();
        ConfigNode top = new ConfigNode(root, source.getFileName().toString());

        ConfigNode plugins = top.optionalObject("plugins");
        if (plugins != null) {
            plugins.string("dir", null); // read by load() before the components were created
            plugins.done();
        }
        this.components = components;

        ConfigNode data = top.object("data");
        this.trainFiles = paths(base, data.strings("train_files", List.of()));
        this.evalFiles = paths(base, data.strings("eval_files", List.of()));
        this.label = data.requiredString("label");
        // data.* is every file's CSV format; data.train.* / data.eval.* override single keys for one split.
        this.dataFormat = CsvFormat.read(data, CsvFormat.DEFAULTS);
        this.trainFormat = split(data, "train", dataFormat);
        this.evalFormat = split(data, "eval", dataFormat);
        if (!trainFiles.isEmpty()) {
            trainFormat.check(data.path() + (trainFormat == dataFormat ? "" : ".train"));
        }
        if (!evalFiles.isEmpty()) {
            evalFormat.check(data.path() + (evalFormat == dataFormat ? "" : ".eval"));
        }
        this.batchSize = data.intAtLeast("batch_size", 128, 1, "use a positive number of rows per batch");
        this.shuffleBuffer = data.intAtLeast("shuffle_buffer", 10_000, 0,
                "use 0 or more rows (0 or 1 turns shuffling off)");
        this.dataSeed = data.longValue("seed", 0L);
        this.epochs = epochs(data);
        data.done();

        // One list for most estimators; wide and deep takes linear_feature_columns and dnn_feature_columns instead.
        Map<String, List<FeatureColumn>> declaredColumns = new java.util.LinkedHashMap<>();
        for (String key : List.of("feature_columns", "linear_feature_columns", "dnn_feature_columns")) {
            List<FeatureColumn> list = columns(top, key, base);
            if (list != null) {
                declaredColumns.put(key, list);
            }
        }
        if (declaredColumns.isEmpty()) {
            throw new ConfigException(top.path() + ".feature_columns: missing; give a list of feature columns (or, "
                    + "for wide and deep, linear_feature_columns and dnn_feature_columns)");
        }

        ConfigNode train = top.objectOrEmpty("train"); // absent: every option at its default
        String positiveSteps = "use a positive number of steps";
        Long stepCount = train.longAtLeast("steps", null, 1, positiveSteps);
        Long maxSteps = train.longAtLeast("max_steps", null, 1, positiveSteps);
        this.evalEverySteps = train.longAtLeast("eval_every_steps", null, 1, positiveSteps);
        this.bestMetric = train.string("best_metric", "loss");
        this.bestMetricHigherIsBetter = !train.has("best_metric_higher_is_better")
                ? org.estimator4j.estimators.EvalSpec.higherIsBetterByDefault(bestMetric)
                : train.bool("best_metric_higher_is_better", false);
        train.effective("best_metric_higher_is_better", BooleanNode.valueOf(bestMetricHigherIsBetter));
        String exportTo = train.string("export_dir", null);
        this.exportDir = exportTo == null ? null : base.resolve(exportTo).normalize();
        this.callbackSpecs = componentList(train, "callbacks");
        train.done();
        if (stepCount != null && maxSteps != null) {
            throw new ConfigException(top.path() + ".train: give steps or max_steps, not both");
        }
        this.steps = stepCount != null ? Steps.of(stepCount) : maxSteps != null ? Steps.max(maxSteps)
                : Steps.untilEndOfInput();

        this.runConfig = runConfig(base, top.object("run_config"));
        // Columns that learn from data get their state before the model is built from them.
        List<Path> learnFrom = trainFiles;
        LearnedColumnState.Outcome learned = LearnedColumnState.resolve(source.getFileName().toString(),
                runConfig.modelDir(), declaredColumns, learnFrom.isEmpty() ? null
                        : () -> org.estimator4j.api.data.Dataset.fromCsv(trainFormat.options(learnFrom, label))
                                .batch(4096, false, org.estimator4j.api.table.Batch::of));
        this.featureColumns = learned.columns().get("feature_columns");
        this.linearColumns = learned.columns().get("linear_feature_columns");
        this.dnnColumns = learned.columns().get("dnn_feature_columns");
        this.columnStateNote = learned.note();
        this.estimator = estimator(base, top.object("estimator"));
        checkBatchSize(data.path(), root.get("estimator"));
        this.storeAndExperiment = new String[] {top.string("store", null), top.string("experiment", null)};
        this.runLabels = runLabels(top.optionalObject("run"));
        this.resolved = root.deepCopy();
        top.done();
        top.effective("experiment", TextNode.valueOf(experimentName()));
        this.effective = top.effective();
    }

    /**
     * Refuses a batch size whose widest per-batch array (a column of the batch, the DNN's input or its widest hidden
     * layer: batch_size x width floats) does not fit in memory, before anything is read or allocated.
     */
    private void checkBatchSize(String dataPath, JsonNode estimatorJson) {
        String type = estimatorJson.path("type").asText();
        long width = 1;
        List<FeatureColumn> dnn = type.startsWith("DNNLinearCombined") ? dnnColumns
                : type.startsWith("DNN") ? featureColumns : null;
        if (dnn != null && !dnn.isEmpty()) {
            width = Math.max(width, org.estimator4j.features.transform.FeatureTransformer.dense(dnn).denseWidth());
        }
        for (JsonNode units : estimatorJson.path(type.startsWith("DNNLinearCombined") ? "dnn_hidden_units"
                : "hidden_units")) {
            width = Math.max(width, units.asLong());
        }
        String problem = org.estimator4j.api.memory.FloatBudget.tooLarge(batchSize, width);
        if (problem != null) {
            throw new ConfigException(dataPath + ".batch_size: " + batchSize + " is too large: the widest array of a "
                    + "batch (batch_size x " + width + (width == 1 ? "" : ", the model's widest layer") + ") would be "
                    + problem + "; use a smaller batch_size");
        }
    }

    /** {@code data.epochs}: passes over the train files, or {@value #FOREVER} to repeat until the steps stop. */
    private static long epochs(ConfigNode data) {
        String use = "use a positive number of passes over the train files, or \"" + FOREVER
                + "\" to repeat them until train.steps / max_steps stop training";
        JsonNode v = data.raw("epochs");
        if (v != null && v.isTextual()) {
            if (!v.textValue().equals(FOREVER)) {
                throw data.notAllowed("epochs", v, use);
            }
            return -1; // CsvInputFn's "repeat for ever"
        }
        return data.longAtLeast("epochs", 1L, 1, use);
    }

    /** The CSV format of one split: {@code data.<split>.*} over {@code data.*}. */
    private static CsvFormat split(ConfigNode data, String split, CsvFormat inherited) {
        ConfigNode section = data.optionalObject(split);
        if (section == null) {
            return inherited;
        }
        CsvFormat format = CsvFormat.read(section, inherited);
        section.done();
        return format;
    }

    /** {@code "run": {"name": "lr-0.2", "tags": {"team": "risk"}}}: tag values are strings (numbers, booleans too). */
    private static RunLabels runLabels(ConfigNode run) {
        if (run == null) {
            return RunLabels.NONE;
        }
        String name = run.string("name", null);
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        JsonNode t = run.raw("tags");
        if (t != null && !t.isNull()) {
            if (!t.isObject()) {
                throw new ConfigException(run.path() + ".tags: expected an object of tag name to value, e.g. "
                        + "{\"team\": \"risk\"}");
            }
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) t::fields) {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new ConfigException(run.path() + ".tags." + e.getKey() + ": expected a string, got "
                            + e.getValue());
                }
                tags.put(e.getKey(), e.getValue().asText());
            }
        }
        run.done();
        try {
            return new RunLabels(name, tags);
        } catch (ConfigException e) {
            throw new ConfigException(run.path() + ": " + e.problem(), e);
        }
    }

    /**
     * The feature columns under {@code key}, or null when the config has none there. Files they name (vocabulary
     * files) are relative to the config file's folder, like every other path in a config.
     */
    private static List<FeatureColumn> columns(ConfigNode top, String key, Path base) {
        JsonNode columns = top.raw(key);
        if (columns == null || columns.isNull()) {
            return null;
        }
        if (!columns.isArray()) {
            throw new ConfigException(top.path() + "." + key + ": expected a list of feature columns");
        }
        List<FeatureColumn> parsed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            try {
                parsed.add(FeatureColumnJson.fromJson(columns.get(i), top.path() + "." + key + "[" + i + "]",
                        ColumnFiles.relativeTo(base)));
            } catch (org.estimator4j.features.FeatureColumnException e) {
                throw new ConfigException(e.getMessage(), e); // starts with the column's config path
            }
        }
        top.effective(key, FeatureColumnJson.toJson(parsed)); // every column key, defaults included
        return List.copyOf(parsed);
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
    public static ExperimentConfig load(Path file, List<String> overrides, Path pluginsDir,
            java.util.function.Function<java.util.Optional<Path>, Components> registry) {
        JsonNode root;
        try {
            root = ConfigText.parse(Files.readString(file), file.toString(),
                    ConfigText.isYaml(file.getFileName().toString()));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read it (" + e + ")", e);
        }
        for (String o : overrides) {
            override(root, o);
        }
        Path dir = pluginsDir;
        JsonNode configured = root.path("plugins").path("dir");
        if (dir == null && configured.isTextual()) {
            dir = file.toAbsolutePath().getParent().resolve(configured.textValue()).normalize();
        }
        return new ExperimentConfig(file, root, registry.apply(java.util.Optional.ofNullable(dir)));
    }

    private static void override(JsonNode root, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + assignment + ": expected path=value, e.g. run_config.model_dir=/tmp/m");
        }
        String[] path = assignment.substring(0, eq).split("\\.");
        String text = assignment.substring(eq + 1);
        JsonNode value;
        try {
            value = MAPPER.readTree(text);
            if (value == null || value.isMissingNode()) {
                value = MAPPER.getNodeFactory().textNode(text);
            }
        } catch (JsonProcessingException e) {
            String start = text.strip();
            if (start.startsWith("{") || start.startsWith("[")) { // meant as JSON: say why it is not
                String at = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
                throw new ConfigException("--set " + assignment + ": not valid JSON" + at + " of the value: "
                        + e.getOriginalMessage(), e);
            }
            value = MAPPER.getNodeFactory().textNode(text);
        }
        JsonNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = node.get(path[i]);
            if (next == null || !next.isObject()) {
                if (!(node instanceof ObjectNode o)) {
                    throw new ConfigException("--set " + assignment + ": '" + path[i] + "' is not an object");
                }
                next = o.putObject(path[i]);
            }
            node = next;
        }
        if (!(node instanceof ObjectNode o)) {
            throw new ConfigException("--set " + assignment + ": the parent of '" + path[path.length - 1]
                    + "' is not an object");
        }
        o.set(path[path.length - 1], value);
    }

    private static List<Path> paths(Path base, List<String> names) {
        List<Path> out = new ArrayList<>();
        for (String n : names) {
            out.add(base.resolve(n).normalize());
        }
        return out;
    }

    private static RunConfig runConfig(Path base, ConfigNode rc) {
        RunConfig.Builder b = RunConfig.builder();
        b.modelDir(base.resolve(rc.requiredString("model_dir")).normalize());
        b.seed(rc.longValue("seed", 42L));
        Long steps = rc.longAtLeast("save_checkpoints_steps", null, 1, "use a positive number of steps");
        Long secs = rc.longAtLeast("save_checkpoints_secs", null, 1, "use a positive number of seconds");
        if (steps != null) {
            b.saveCheckpointsSteps(steps);
        }
        if (secs != null) {
            b.saveCheckpointsSecs(secs);
        }
        b.keepCheckpointMax(rc.intAtLeast("keep_checkpoint_max", 5, 1, "use a positive number of checkpoints"));
        b.logStepCountSteps(rc.intAtLeast("log_step_count_steps", 100, 1, "use a positive number of steps"));
        rc.done();
        return b.build();
    }

    private ModelEstimator estimator(Path base, ConfigNode e) {
        this.currentEstimator = e;
        String type = e.requiredString("type");
        String warm = e.string("warm_start_from", null);
        Path warmStartFrom = warm == null ? null : base.resolve(warm).normalize();
        String weightColumn = e.string("weight_column", null);
        try {
            this.lossReduction = LossReduction.fromName(e.string("loss_reduction", "sum_over_batch_size"));
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(e.path() + ".loss_reduction: " + ex.getMessage(), ex);
        }
        boolean wideDeep = type.startsWith("DNNLinearCombined");
        if (wideDeep && featureColumns != null) {
            throw new ConfigException(source.getFileName() + ".feature_columns: " + type + " takes "
                    + "linear_feature_columns and dnn_feature_columns instead");
        }
        if (!wideDeep && (linearColumns != null || dnnColumns != null)) {
            throw new ConfigException(source.getFileName() + ": linear_feature_columns and dnn_feature_columns are "
                    + "for DNNLinearCombinedClassifier / Regressor; a " + type + " takes feature_columns");
        }
        if (!wideDeep && !type.startsWith("Baseline") && featureColumns == null) {
            throw new ConfigException(source.getFileName() + ".feature_columns: missing; a " + type
                    + " needs feature columns");
        }
        List<FeatureColumn> columns = featureColumns == null ? List.of() : featureColumns;
        ModelEstimator built;
        try {
            built = build(e, type, columns, weightColumn, warmStartFrom);
        } catch (IllegalArgumentException ex) {
            // What the builders check beyond the values read above (e.g. a DNN without dense columns).
            String m = ex.getMessage();
            // "hidden_units[1] = 2000000000 is too large..." names a key of this section: join it to the path.
            throw new ConfigException(m.startsWith(e.path()) ? m
                    : e.path() + (m.matches("^[a-z_]+\\[\\d+\\] .*") ? "." : ": ") + m, ex);
        }
        e.done();
        return built;
    }

    private ModelEstimator build(ConfigNode e, String type, List<FeatureColumn> columns, String weightColumn,
            Path warmStartFrom) {
        return switch (type) {
            case "LinearClassifier" -> classifier(e, common(LinearClassifier.builder(columns)
                    .optimizer(ftrl(e, "optimizer", 0.2)).sparseCombiner(combiner(e, "sparse_combiner")),
                    weightColumn, warmStartFrom)).build();
            case "LinearRegressor" -> regressor(e, common(LinearRegressor.builder(columns)
                    .optimizer(ftrl(e, "optimizer", 0.2)).sparseCombiner(combiner(e, "sparse_combiner")),
                    weightColumn, warmStartFrom)).build();
            // TensorFlow's default learning rate for baselines: 0.3.
            case "BaselineClassifier" -> classifier(e, common(BaselineClassifier.builder()
                    .optimizer(ftrl(e, "optimizer", 0.3)), weightColumn, warmStartFrom)).build();
            case "BaselineRegressor" -> regressor(e, common(BaselineRegressor.builder()
                    .optimizer(ftrl(e, "optimizer", 0.3)), weightColumn, warmStartFrom)).build();
            case "DNNClassifier" -> classifier(e, common(dnn(e, DNNClassifier.builder(columns)), weightColumn,
                    warmStartFrom)).build();
            case "DNNRegressor" -> regressor(e, common(dnn(e, DNNRegressor.builder(columns)), weightColumn,
                    warmStartFrom)).build();
            case "DNNLinearCombinedClassifier" -> classifier(e, common(wideDeep(e, DNNLinearCombinedClassifier
                    .builder(orEmpty(linearColumns), orEmpty(dnnColumns))), weightColumn, warmStartFrom)).build();
            case "DNNLinearCombinedRegressor" -> regressor(e, common(wideDeep(e, DNNLinearCombinedRegressor
                    .builder(orEmpty(linearColumns), orEmpty(dnnColumns))), weightColumn, warmStartFrom)).build();
            default -> throw new ConfigException(e.path() + ".type: unknown estimator '" + type + "'; use one of "
                    + ESTIMATORS);
        };
    }

    /** A component named in the config: provider, the name its results go under, parameters, config path. */
    public record ComponentSpec(String type, String name, Map<String, Object> params, String path) {}

    /** {@code key}'s list of {@code {"type": ..., "name": ..., "params": {...}}} objects (empty when absent). */
    private static List<ComponentSpec> componentList(ConfigNode node, String key) {
        JsonNode list = node.raw(key);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(node.path() + "." + key + ": expected a list of {\"type\": ..., \"params\": "
                    + "{...}} objects");
        }
        List<ComponentSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(component(new ConfigNode(list.get(i), node.path() + "." + key + "[" + i + "]")));
        }
        return List.copyOf(out);
    }

    /** One {@code {"type": ..., "name": ..., "params": {...}}} object. */
    private static ComponentSpec component(ConfigNode c) {
        String type = c.requiredString("type");
        String name = c.string("name", type);
        JsonNode params = c.raw("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new ConfigException(c.path() + ".params: expected an object of parameter name to value");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = params == null || params.isNull() ? Map.of()
                : MAPPER.convertValue(params, Map.class);
        c.done();
        return new ComponentSpec(type, name, values, c.path());
    }

    /** The plugin components an estimator section names: loss, metrics and (DNN) custom layers. */
    private <B extends EstimatorBuilder<B>> B plugins(ConfigNode e, B builder) {
        ConfigNode loss = e.optionalObject("loss");
        if (loss != null) {
            ComponentSpec spec = component(loss);
            Loss created = components.create(ComponentKind.LOSS, Loss.class, spec.type(), spec.params(), spec.path());
            builder.loss(new CustomLoss(spec.type(), spec.params(), created));
        }
        for (ComponentSpec m : componentList(e, "metrics")) {
            components.create(ComponentKind.METRIC, Metric.class, m.type(), m.params(), m.path()); // check now
            builder.metric(m.name(), () -> components.create(ComponentKind.METRIC, Metric.class, m.type(),
                    m.params(), m.path()));
        }
        return builder;
    }

    /** The plugin layers under {@code key}, each checked by creating it once. */
    private List<CustomLayer> customLayers(ConfigNode e, String key) {
        List<CustomLayer> layers = new ArrayList<>();
        for (ComponentSpec l : componentList(e, key)) {
            components.create(ComponentKind.LAYER, Layer.class, l.type(), l.params(), l.path());
            layers.add(new CustomLayer(l.type(), l.params(), components.origin(ComponentKind.LAYER, l.type()),
                    () -> components.create(ComponentKind.LAYER, Layer.class, l.type(), l.params(), l.path())));
        }
        return layers;
    }

    /** Fresh callbacks named under {@code train.callbacks}, in order. */
    public List<Callback> callbacks() {
        return callbacks(c -> true);
    }

    /** Fresh callbacks named under {@code train.callbacks} that {@code which} accepts, in order. */
    public List<Callback> callbacks(java.util.function.Predicate<ComponentSpec> which) {
        List<Callback> out = new ArrayList<>();
        for (ComponentSpec c : callbackSpecs) {
            if (which.test(c)) {
                out.add(components.create(ComponentKind.CALLBACK, Callback.class, c.type(), c.params(), c.path()));
            }
        }
        return out;
    }

    /** The callbacks {@code train.callbacks} names, as written (type, name, parameters, config path). */
    public List<ComponentSpec> callbackSpecs() {
        return callbackSpecs;
    }

    /** Class-path providers only (until the plugin registry is wired in). */
    public static Components classpathComponents(java.util.Optional<Path> pluginsDir) {
        return new ClasspathComponents(pluginsDir);
    }

    /** The components this config was read with (to load models with plugin layers). */
    public Components components() {
        return components;
    }

    private static List<FeatureColumn> orEmpty(List<FeatureColumn> columns) {
        return columns == null ? List.of() : columns;
    }

    /** A DNN's options from the estimator section (TensorFlow's defaults: relu, no dropout, Adagrad 0.05). */
    private <B extends DnnBuilder<B>> B dnn(ConfigNode e, B builder) {
        return builder.hiddenUnits(hiddenUnits(e, "hidden_units")).customLayers(customLayers(e, "custom_layers"))
                .activation(activation(e, "activation")).dropout(dropout(e, "dropout"))
                .batchNorm(e.bool("batch_norm", false)).optimizer(optimizer(e, "optimizer", 0.05));
    }

    /**
     * Wide and deep's options (TensorFlow's defaults: FTRL at min(0.005, 1/sqrt(linear columns)), Adagrad 0.001);
     * dnn_hidden_units is required only when there are DNN columns.
     */
    private <B extends WideDeepBuilder<B>> B wideDeep(ConfigNode e, B builder) {
        List<FeatureColumn> linear = orEmpty(linearColumns);
        builder.linearOptimizer(ftrl(e, "linear_optimizer", linearRate(linear)))
                .linearSparseCombiner(combiner(e, "linear_sparse_combiner"))
                .dnnActivation(activation(e, "dnn_activation")).dnnDropout(dropout(e, "dnn_dropout"))
                .batchNorm(e.bool("batch_norm", false)).dnnOptimizer(optimizer(e, "dnn_optimizer", 0.001))
                .dnnCustomLayers(customLayers(e, "dnn_custom_layers"));
        if (!orEmpty(dnnColumns).isEmpty()) {
            builder.dnnHiddenUnits(hiddenUnits(e, "dnn_hidden_units"));
        }
        return builder;
    }

    /** The estimator types a config can name. */
    public static final List<String> ESTIMATORS = List.of("LinearClassifier", "LinearRegressor", "DNNClassifier",
            "DNNRegressor", "DNNLinearCombinedClassifier", "DNNLinearCombinedRegressor", "BaselineClassifier",
            "BaselineRegressor");

    /** TensorFlow's wide-and-deep linear learning rate: {@code min(0.005, 1/sqrt(number of linear columns))}. */
    private static double linearRate(List<FeatureColumn> linear) {
        return linear.isEmpty() ? 0.005 : Math.min(0.005, 1 / Math.sqrt(linear.size()));
    }

    private static List<Integer> hiddenUnits(ConfigNode e, String key) {
        List<Integer> units = e.ints(key, null);
        if (units == null || units.isEmpty()) {
            throw new ConfigException(e.path() + "." + key + ": missing; give the units of each hidden layer, e.g. "
                    + "[64, 32]");
        }
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i) < 1) {
                throw e.notAllowed(key + "[" + i + "]", units.get(i), "use a positive number of units");
            }
        }
        return units;
    }

    /** A dropout rate: the probability of dropping a unit, in [0, 1). */
    private static double dropout(ConfigNode e, String key) {
        return e.number(key, 0, rate -> rate >= 0 && rate < 1,
                "use a probability of dropping a unit in [0, 1), e.g. 0.1 (0 turns dropout off)");
    }

    private static Activation activation(ConfigNode e, String key) {
        String name = e.string(key, "relu");
        try {
            return Activation.fromName(name);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(e.path() + "." + key + ": " + ex.getMessage(), ex);
        }
    }

    private static SparseCombiner combiner(ConfigNode e, String key) {
        String name = e.string(key, "sum");
        try {
            return SparseCombiner.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(e.path() + "." + key + ": unknown combiner '" + name
                    + "'; use sum, mean or sqrtn", ex);
        }
    }

    /** The FTRL optimizer of a linear part (or baseline) from {@code key}, TensorFlow's defaults otherwise. */
    private static FtrlOptimizer ftrl(ConfigNode e, String key, double defaultRate) {
        ConfigNode opt = e.objectOrEmpty(key); // absent: every option at its default
        String name = opt.string("type", "ftrl");
        if (!name.equalsIgnoreCase("ftrl")) {
            throw new ConfigException(opt.path() + ".type: linear models train with ftrl, got '" + name + "'");
        }
        try {
            String nonNegative = "use 0 or a positive number";
            FtrlOptimizer ftrl = new FtrlOptimizer(
                    opt.number("learning_rate", defaultRate, r -> r > 0, "use a positive learning rate, e.g. 0.05"),
                    opt.number("learning_rate_power", -0.5, p -> p <= 0, "use 0 or a negative power, e.g. -0.5"),
                    opt.number("initial_accumulator_value", 0.1, a -> a > 0, "use a positive value, e.g. 0.1"),
                    opt.number("l1", 0, l -> l >= 0, nonNegative), opt.number("l2", 0, l -> l >= 0, nonNegative),
                    opt.number("l2_shrinkage", 0, l -> l >= 0, nonNegative));
            opt.done();
            return ftrl;
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(opt.path() + ": " + ex.getMessage(), ex);
        }
    }

    /** A DNN optimizer ({@code adagrad} by default) from {@code key}. */
    private static Optimizer optimizer(ConfigNode e, String key, double defaultRate) {
        JsonNode node = e.raw(key);
        if (node == null || node.isNull()) {
            Optimizer defaults = Optimizers.fromConfig(Map.of(), defaultRate, e.path() + "." + key);
            e.effective(key, MAPPER.valueToTree(defaults.config()));
            return defaults;
        }
        if (!node.isObject()) {
            throw new ConfigException(e.path() + "." + key + ": expected an object like {\"type\": \"adam\", "
                    + "\"learning_rate\": 0.001}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> options = MAPPER.convertValue(node, Map.class);
        try {
            Optimizer built = Optimizers.fromConfig(options, defaultRate, e.path() + "." + key);
            e.effective(key, MAPPER.valueToTree(built.config()));
            return built;
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(ex.getMessage(), ex);
        }
    }

    private static <B extends RegressorBuilder<B>> B regressor(ConfigNode e, B builder) {
        return builder.labelDimension(e.intAtLeast("label_dimension", 1, 1, "use 1 or more label columns"));
    }

    /** The options every estimator takes from the config: run config, weight column, warm start. */
    private <B extends EstimatorBuilder<B>> B common(B builder, String weightColumn, Path warmStartFrom) {
        builder.runConfig(runConfig).lossReduction(lossReduction);
        plugins(currentEstimator, builder);
        if (weightColumn != null) {
            builder.weightColumn(weightColumn);
        }
        if (warmStartFrom != null) {
            builder.warmStartFrom(warmStartFrom);
        }
        return builder;
    }

    private static <B extends ClassifierBuilder<B>> B classifier(ConfigNode e, B builder) {
        builder.nClasses(e.intAtLeast("n_classes", 2, 2, "use 2 or more classes"));
        List<String> vocabulary = e.strings("label_vocabulary", null);
        if (vocabulary != null) {
            builder.labelVocabulary(vocabulary);
        }
        return builder;
    }

    public Path source() {
        return source;
    }

    public ModelEstimator estimator() {
        return estimator;
    }

    public Steps steps() {
        return steps;
    }

    public RunConfig runConfig() {
        return runConfig;
    }

    /** {@code train.eval_every_steps}: evaluate during training every this many global steps, or null. */
    public Long evalEverySteps() {
        return evalEverySteps;
    }

    /** {@code train.best_metric}: the eval metric that picks the best export (default {@code loss}). */
    public String bestMetric() {
        return bestMetric;
    }

    /** {@code train.best_metric_higher_is_better}; by default true for accuracy, auc, precision, recall and r2. */
    public boolean bestMetricHigherIsBetter() {
        return bestMetricHigherIsBetter;
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
        for (List<FeatureColumn> l : java.util.Arrays.asList(featureColumns, linearColumns, dnnColumns)) {
            if (l != null) {
                all.addAll(l);
            }
        }
        return all;
    }

    /** TRAIN input: the train files, shuffled and repeated for the configured epochs. */
    public InputFn trainInput() {
        return inputFn(trainFiles, "train_files", trainFormat);
    }

    /** EVAL and PREDICT input: the eval files, in order. */
    public InputFn evalInput() {
        return inputFn(evalFiles, "eval_files", evalFormat);
    }

    /**
     * Input for predicting other CSV files of the same format: read in order, without labels (a label column, if
     * the files have one, is dropped).
     */
    public InputFn inputFrom(List<Path> files) {
        CsvOptions options = dataFormat.options(files, null);
        return mode -> org.estimator4j.api.data.Dataset.fromCsv(options)
                .batch(batchSize, false, org.estimator4j.api.table.Batch::of)
                .map(b -> {
                    org.estimator4j.api.table.Batch features = b.schema().contains(label) ? b.drop(List.of(label)) : b;
                    return new org.estimator4j.api.input.LabeledBatch(features, features.select(List.of()));
                });
    }

    private InputFn inputFn(List<Path> files, String what, CsvFormat format) {
        if (files.isEmpty()) {
            throw new ConfigException(source.getFileName() + ".data." + what + ": no files; add them to the config");
        }
        CsvOptions options = format.options(files, label);
        return CsvInputFn.builder(options).batchSize(batchSize).shuffleBuffer(shuffleBuffer).seed(dataSeed)
                .epochs(epochs).build();
    }

    public String label() {
        return label;
    }

    public boolean hasEvalData() {
        return !evalFiles.isEmpty();
    }

    /** {@code store}: the experiment store (a JDBC URL or a path) runs of this config are recorded in, or null. */
    public String store() {
        return storeAndExperiment[0];
    }

    /** {@code experiment}: the experiment runs are recorded under; by default the config file name, no extension. */
    public String experimentName() {
        if (storeAndExperiment[1] != null) {
            return storeAndExperiment[1];
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
        List<Path> all = new ArrayList<>(trainFiles);
        all.addAll(evalFiles);
        return all;
    }

    /** {@code data.batch_size}: rows per training step. */
    public int batchSize() {
        return batchSize;
    }

    /** {@code data.epochs}: passes over the train files (negative: until the steps are done). */
    public long epochs() {
        return epochs;
    }

    /** How the train files are read (files, header, skipped lines): to count their rows. */
    public CsvOptions trainCsv() {
        return trainFormat.options(trainFiles, label);
    }

    /** {@code data.seed}: the seed of the input's shuffling. */
    public long dataSeed() {
        return dataSeed;
    }
}
