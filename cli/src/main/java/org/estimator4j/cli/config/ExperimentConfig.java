package org.estimator4j.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.estimator4j.api.table.DType;
import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.EstimatorBuilder;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.baseline.BaselineClassifier;
import org.estimator4j.estimators.baseline.BaselineRegressor;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.linear.LinearRegressor;
import org.estimator4j.estimators.linear.SparseCombiner;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.json.FeatureColumnJson;

/**
 * An experiment as one JSON file: the data (CSV files, format, label, batching), the feature columns (in the
 * feature-columns JSON shape), the estimator and its options, how long to train, and the run config. Paths are
 * relative to the config file's folder. Reading is strict: unknown keys and wrong types are errors naming the JSON
 * path. {@code --set path=value} overrides any value first (the value is read as JSON when it parses, else as a
 * string).
 *
 * <pre>{@code
 * {
 *   "data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "income_bracket",
 *            "batch_size": 40, "epochs": 40},
 *   "feature_columns": [ ... ],
 *   "estimator": {"type": "LinearClassifier", "label_vocabulary": ["<=50K", ">50K"]},
 *   "run_config": {"model_dir": "model"}
 * }
 * }</pre>
 */
public final class ExperimentConfig {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path source;
    private final List<Path> trainFiles;
    private final List<Path> evalFiles;
    private final java.util.function.BiFunction<List<Path>, Boolean, CsvOptions> csvFormat;
    private final String label;
    private final int batchSize;
    private final int shuffleBuffer;
    private final long dataSeed;
    private final long epochs;
    private final List<FeatureColumn> featureColumns;
    private final ModelEstimator estimator;
    private final Steps steps;
    private final RunConfig runConfig;

    private ExperimentConfig(Path source, JsonNode root) {
        this.source = source;
        Path base = source.toAbsolutePath().getParent();
        ConfigNode top = new ConfigNode(root, source.getFileName().toString());

        ConfigNode data = top.object("data");
        this.trainFiles = paths(base, data.strings("train_files", List.of()));
        this.evalFiles = paths(base, data.strings("eval_files", List.of()));
        this.label = data.requiredString("label");
        boolean header = data.bool("header", true);
        List<String> naTokens = data.strings("na_tokens", List.of(""));
        boolean trim = data.bool("trim_whitespace", false);
        int skipLines = data.intValue("skip_lines", 0);
        int parsingThreads = data.intValue("parsing_threads", 1);
        List<String> names = data.strings("column_names", null);
        Map<String, DType> columnTypes = new java.util.LinkedHashMap<>();
        JsonNode types = data.raw("column_types");
        if (types != null && !types.isNull()) {
            if (!types.isObject()) {
                throw new ConfigException(data.path() + ".column_types: expected an object of column name to type");
            }
            for (Map.Entry<String, JsonNode> e : iterable(types)) {
                try {
                    columnTypes.put(e.getKey(), DType.valueOf(e.getValue().asText().toUpperCase(
                            java.util.Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException(data.path() + ".column_types." + e.getKey() + ": unknown type "
                            + e.getValue() + "; use float32, float64, int64 or string");
                }
            }
        }
        this.csvFormat = (files, labelled) -> {
            CsvOptions.Builder b = CsvOptions.builder().files(files).header(header)
                    .naTokens(naTokens.toArray(String[]::new)).trimWhitespace(trim).skipLines(skipLines)
                    .parallelism(parsingThreads);
            if (labelled) {
                b.labelColumns(label);
            }
            if (names != null) {
                b.columnNames(names);
            }
            columnTypes.forEach(b::columnType);
            return b.build();
        };
        this.batchSize = data.intValue("batch_size", 128);
        this.shuffleBuffer = data.intValue("shuffle_buffer", 10_000);
        this.dataSeed = data.longValue("seed", 0L);
        this.epochs = data.longValue("epochs", 1L);
        data.done();

        JsonNode columns = top.raw("feature_columns");
        if (columns == null || !columns.isArray()) {
            throw new ConfigException(top.path() + ".feature_columns: expected a list of feature columns");
        }
        List<FeatureColumn> parsed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parsed.add(FeatureColumnJson.fromJson(columns.get(i), top.path() + ".feature_columns[" + i + "]"));
        }
        this.featureColumns = List.copyOf(parsed);

        ConfigNode train = top.optionalObject("train");
        Long stepCount = train == null ? null : train.longValue("steps", null);
        Long maxSteps = train == null ? null : train.longValue("max_steps", null);
        if (train != null) {
            train.done();
        }
        if (stepCount != null && maxSteps != null) {
            throw new ConfigException(top.path() + ".train: give steps or max_steps, not both");
        }
        this.steps = stepCount != null ? Steps.of(stepCount) : maxSteps != null ? Steps.max(maxSteps)
                : Steps.untilEndOfInput();

        this.runConfig = runConfig(base, top.object("run_config"));
        this.estimator = estimator(base, top.object("estimator"));
        top.done();
    }

    /** Reads {@code file}, applies the {@code key.path=value} overrides, and checks everything. */
    public static ExperimentConfig load(Path file, List<String> overrides) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read it (" + e + ")", e);
        }
        for (String o : overrides) {
            override(root, o);
        }
        return new ExperimentConfig(file, root);
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

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
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
        Long steps = rc.longValue("save_checkpoints_steps", null);
        Long secs = rc.longValue("save_checkpoints_secs", null);
        if (steps != null) {
            b.saveCheckpointsSteps(steps);
        }
        if (secs != null) {
            b.saveCheckpointsSecs(secs);
        }
        b.keepCheckpointMax(rc.intValue("keep_checkpoint_max", 5));
        b.logStepCountSteps(rc.intValue("log_step_count_steps", 100));
        rc.done();
        return b.build();
    }

    private ModelEstimator estimator(Path base, ConfigNode e) {
        String type = e.requiredString("type");
        String warm = e.string("warm_start_from", null);
        Path warmStartFrom = warm == null ? null : base.resolve(warm).normalize();
        String weightColumn = e.string("weight_column", null);
        SparseCombiner combiner = SparseCombiner.valueOf(e.string("sparse_combiner", "sum")
                .toUpperCase(java.util.Locale.ROOT));
        ConfigNode opt = e.optionalObject("optimizer");
        // TensorFlow's default learning rates: 0.2 for linear models, 0.3 for baselines.
        double defaultRate = type.startsWith("Baseline") ? 0.3 : 0.2;
        FtrlOptimizer ftrl = FtrlOptimizer.withLearningRate(defaultRate);
        if (opt != null) {
            String name = opt.string("type", "ftrl");
            if (!name.equals("ftrl")) {
                throw new ConfigException(opt.path() + ".type: linear estimators train with ftrl, got '" + name + "'");
            }
            ftrl = new FtrlOptimizer(opt.doubleValue("learning_rate", defaultRate), opt.doubleValue("learning_rate_power",
                    -0.5), opt.doubleValue("initial_accumulator_value", 0.1), opt.doubleValue("l1", 0),
                    opt.doubleValue("l2", 0), opt.doubleValue("l2_shrinkage", 0));
            opt.done();
        }
        ModelEstimator built = switch (type) {
            case "LinearClassifier" -> classifier(e, common(LinearClassifier.builder(featureColumns)
                    .optimizer(ftrl).sparseCombiner(combiner), weightColumn, warmStartFrom)).build();
            case "LinearRegressor" -> common(LinearRegressor.builder(featureColumns).optimizer(ftrl)
                    .sparseCombiner(combiner), weightColumn, warmStartFrom)
                    .labelDimension(e.intValue("label_dimension", 1)).build();
            case "BaselineClassifier" -> classifier(e, common(BaselineClassifier.builder().optimizer(ftrl),
                    weightColumn, warmStartFrom)).build();
            case "BaselineRegressor" -> common(BaselineRegressor.builder().optimizer(ftrl), weightColumn,
                    warmStartFrom).labelDimension(e.intValue("label_dimension", 1)).build();
            default -> throw new ConfigException(e.path() + ".type: unknown estimator '" + type
                    + "'; this version has LinearClassifier, LinearRegressor, BaselineClassifier and "
                    + "BaselineRegressor");
        };
        e.done();
        return built;
    }

    /** The options every estimator takes from the config: run config, weight column, warm start. */
    private <B extends EstimatorBuilder<B>> B common(B builder, String weightColumn, Path warmStartFrom) {
        builder.runConfig(runConfig);
        if (weightColumn != null) {
            builder.weightColumn(weightColumn);
        }
        if (warmStartFrom != null) {
            builder.warmStartFrom(warmStartFrom);
        }
        return builder;
    }

    private static <B extends ClassifierBuilder<B>> B classifier(ConfigNode e, B builder) {
        builder.nClasses(e.intValue("n_classes", 2));
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

    public List<FeatureColumn> featureColumns() {
        return featureColumns;
    }

    /** TRAIN input: the train files, shuffled and repeated for the configured epochs. */
    public InputFn trainInput() {
        return inputFn(trainFiles, "train_files");
    }

    /** EVAL and PREDICT input: the eval files, in order. */
    public InputFn evalInput() {
        return inputFn(evalFiles, "eval_files");
    }

    /**
     * Input for predicting other CSV files of the same format: read in order, without labels (a label column, if
     * the files have one, is dropped).
     */
    public InputFn inputFrom(List<Path> files) {
        CsvOptions options = csvFormat.apply(files, false);
        return mode -> org.estimator4j.api.data.Dataset.fromCsv(options)
                .batch(batchSize, false, org.estimator4j.api.table.Batch::of)
                .map(b -> {
                    org.estimator4j.api.table.Batch features = b.schema().contains(label) ? b.drop(List.of(label)) : b;
                    return new org.estimator4j.api.input.LabeledBatch(features, features.select(List.of()));
                });
    }

    private InputFn inputFn(List<Path> files, String what) {
        if (files.isEmpty()) {
            throw new ConfigException(source.getFileName() + ".data." + what + ": no files; add them to the config");
        }
        CsvOptions options = csvFormat.apply(files, true);
        return CsvInputFn.builder(options).batchSize(batchSize).shuffleBuffer(shuffleBuffer).seed(dataSeed)
                .epochs(epochs).build();
    }

    public String label() {
        return label;
    }

    public boolean hasEvalData() {
        return !evalFiles.isEmpty();
    }
}
