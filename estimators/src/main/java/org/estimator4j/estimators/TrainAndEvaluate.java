package org.estimator4j.estimators;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.estimator4j.api.estimator.Estimator;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.TrainingContext;
import org.slf4j.Logger;

/**
 * Trains and evaluates in one go, as {@code tf.estimator.train_and_evaluate} with a {@code BestExporter}: training
 * pauses every {@link EvalSpec#everySteps() N global steps} (and once at the end) to checkpoint, evaluate that
 * checkpoint and, when it is the best so far by the eval spec's metric, export it into {@code <export dir>/best/},
 * removing the previous best bundle so that exactly one remains.
 *
 * <p>The best value survives restarts: it is recorded in {@code <model_dir>/best_export.json} (written atomically)
 * and read back when training resumes, so a resumed run never replaces a better export of an earlier run with a
 * worse one. Runs in one process per model directory, as training does.
 *
 * <pre>{@code
 * TrainAndEvaluate.Result r = TrainAndEvaluate.run(model,
 *         TrainSpec.builder(trainInput).steps(Steps.max(10_000)).build(),
 *         EvalSpec.builder(evalInput).everySteps(1_000).bestMetric("auc").build());
 * Predictor.load(r.bestExport());
 * }</pre>
 */
public final class TrainAndEvaluate {
    /** The record of the best export, in the model directory. */
    public static final String BEST_EXPORT_FILE = "best_export.json";

    private static final Logger LOG = Logs.get(TrainAndEvaluate.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainAndEvaluate() {}

    /**
     * One evaluation during training.
     *
     * @param newBest whether it was better than every earlier one (this run's and the recorded best of earlier runs)
     * @param export the bundle it was exported to when it was the new best, else null
     */
    public record Evaluation(EvalResult result, boolean newBest, Path export) {
        public long globalStep() {
            return result.globalStep();
        }
    }

    /**
     * What a run did.
     *
     * @param evaluations this run's evaluations, in step order
     * @param best the best evaluation so far, possibly of an earlier run (then with the metrics it recorded); null
     *     when no evaluation produced a number for the best metric
     * @param bestExport the best bundle, or null with {@code best}
     * @param latestExport the final model's bundle when the eval spec asks for one, else null
     */
    public record Result(List<Evaluation> evaluations, EvalResult best, Path bestExport, Path latestExport) {
        public Result {
            evaluations = List.copyOf(evaluations);
        }
    }

    public static Result run(Estimator estimator, TrainSpec train, EvalSpec eval) {
        return run(estimator, train, eval, e -> {});
    }

    /**
     * Trains {@code estimator} as {@code train} says, evaluating and exporting as {@code eval} says.
     *
     * @param listener told of each evaluation on the training thread, after its export (for progress output)
     * @throws IllegalStateException when training or an evaluation fails (the latest checkpoint stays intact), or
     *     when the recorded best was chosen by another metric than {@code eval}'s
     */
    public static Result run(Estimator estimator, TrainSpec train, EvalSpec eval, Consumer<Evaluation> listener) {
        requireNonNull(estimator, "estimator is null");
        requireNonNull(train, "train is null");
        requireNonNull(eval, "eval is null");
        requireNonNull(listener, "listener is null");
        Path modelDir = estimator.runConfig().modelDir().toAbsolutePath().normalize();
        Path exportDir = (eval.exportDir() != null ? eval.exportDir() : modelDir.resolve("export"))
                .toAbsolutePath()
                .normalize();
        Evaluator evaluator =
                new Evaluator(estimator, eval, modelDir, exportDir.resolve("best"), listener, train.callbacks());
        // The evaluator goes first: an evaluation at step N reaches the other callbacks (onEvaluation) before their
        // onStepEnd(N), as Keras validates before on_epoch_end, and the final one before their onTrainEnd closes
        // whatever they write to.
        List<Callback> callbacks = new ArrayList<>();
        callbacks.add(evaluator);
        callbacks.addAll(train.callbacks());
        estimator.train(train.input(), train.steps(), callbacks);
        Path latest = eval.exportLatest() ? exportOnly(estimator, exportDir.resolve("latest"), null) : null;
        return new Result(evaluator.evaluations, evaluator.best, evaluator.bestExport, latest);
    }

    /** The callback that evaluates on schedule and keeps the best export. */
    private static final class Evaluator implements Callback {
        private final Estimator estimator;
        private final EvalSpec spec;
        private final Path recordFile;
        private final Path modelDir;
        private final Path bestDir;
        private final Consumer<Evaluation> listener;
        private final List<Evaluation> evaluations = new ArrayList<>();
        private EvalResult best;
        private Path bestExport;
        private long lastEvaluatedStep = -1;

        /** The run's other callbacks, told of each evaluation ({@link Callback#onEvaluation}). */
        private final List<Callback> watchers;

        Evaluator(
                Estimator estimator,
                EvalSpec spec,
                Path modelDir,
                Path bestDir,
                Consumer<Evaluation> listener,
                List<Callback> watchers) {
            this.watchers = List.copyOf(watchers);
            this.estimator = estimator;
            this.spec = spec;
            this.modelDir = modelDir;
            this.recordFile = modelDir.resolve(BEST_EXPORT_FILE);
            this.bestDir = bestDir;
            this.listener = listener;
            readRecord();
        }

        @Override
        public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
            if (spec.everySteps().isPresent() && step % spec.everySteps().getAsLong() == 0) {
                evaluate(context);
            }
        }

        @Override
        public void onTrainEnd(TrainingContext context) {
            if (context.globalStep() != lastEvaluatedStep) {
                evaluate(context);
            }
        }

        private void evaluate(TrainingContext context) {
            long step = context.saveCheckpoint();
            EvalResult result = estimator.evaluate(spec.input(), spec.steps());
            double value = result.metric(spec.bestMetric());
            boolean newBest = spec.isBetter(value, best == null ? null : best.metric(spec.bestMetric()));
            Path export = null;
            if (newBest) {
                export = exportOnly(estimator, bestDir, bestExport);
                best = result;
                bestExport = export;
                writeRecord();
            }
            lastEvaluatedStep = step;
            Evaluation evaluation = new Evaluation(result, newBest, export);
            evaluations.add(evaluation);
            LOG.debug(String.format(
                    Locale.ROOT,
                    "evaluation at step %d: %s %.6f%s",
                    step,
                    spec.bestMetric(),
                    value,
                    newBest ? " (best so far, exported to " + export + ")" : ""));
            listener.accept(evaluation);
            for (Callback c : watchers) {
                try {
                    c.onEvaluation(context, step, result.metrics());
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "callback " + PluginComponent.unwrap(c).getClass().getName()
                                    + " failed in onEvaluation at global step " + step + ": " + e,
                            e);
                }
            }
        }

        /** Restores the best of earlier runs, if its bundle is still where this run exports, and drops leftovers. */
        private void readRecord() {
            if (!Files.isRegularFile(recordFile)) {
                return;
            }
            JsonNode json;
            try {
                json = MAPPER.readTree(Files.readString(recordFile));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read " + recordFile + ": " + e.getMessage() + "; delete it to "
                                + "start the comparison of evaluations over",
                        e);
            }
            Path export = modelDir.resolve(json.path("export").asText()).normalize();
            long step = json.path("global_step").asLong(-1);
            if (!export.equals(bestDir.resolve(Long.toString(step))) || !Files.isDirectory(export)) {
                LOG.info(
                        "{} records a best export at {}, which is not in {} (any more): "
                                + "the next evaluation starts a new best",
                        recordFile,
                        export,
                        bestDir);
                return;
            }
            String metric = json.path("metric").asText();
            boolean higherIsBetter = json.path("higher_is_better").asBoolean();
            if (!metric.equals(spec.bestMetric()) || higherIsBetter != spec.higherIsBetter()) {
                throw new IllegalStateException(recordFile + " says the best export " + export + " was chosen by "
                        + direction(metric, higherIsBetter) + ", but this run compares "
                        + direction(spec.bestMetric(), spec.higherIsBetter())
                        + ": compare by the same metric, export to "
                        + "another directory, or delete " + recordFile + " to start the comparison over");
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            json.path("metrics")
                    .fields()
                    .forEachRemaining(m -> metrics.put(m.getKey(), m.getValue().asDouble()));
            metrics.put(metric, json.path("value").asDouble());
            best = new EvalResult(step, metrics);
            bestExport = export;
            deleteBundlesExcept(bestDir, export);
        }

        private static String direction(String metric, boolean higherIsBetter) {
            return "'" + metric + "' (" + (higherIsBetter ? "higher" : "lower") + " is better)";
        }

        /** Writes the record to a temporary file, forces it to disk and renames it into place. */
        private void writeRecord() {
            ObjectNode json = MAPPER.createObjectNode();
            json.put("format", 1);
            json.put("metric", spec.bestMetric());
            json.put("higher_is_better", spec.higherIsBetter());
            json.put("value", best.metric(spec.bestMetric()));
            json.put("global_step", best.globalStep());
            json.put("export", modelDir.relativize(bestExport).toString());
            json.set("metrics", MAPPER.valueToTree(best.metrics()));
            try {
                // *.partial: a killed process's leftover is deleted when training starts again, as checkpoints' are.
                Path temp = Files.createTempFile(modelDir, "best_export.", ".partial");
                try {
                    Files.write(temp, MAPPER.writeValueAsBytes(json));
                    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    Files.move(temp, recordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + recordFile + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Exports the latest checkpoint into {@code dir} and then deletes every other bundle there, so that the new one
     * exists before the old one goes. A bundle of the same step is reused when it is {@code keep} (the same
     * checkpoint); otherwise it is a leftover of an interrupted run and is replaced.
     */
    private static Path exportOnly(Estimator estimator, Path dir, Path keep) {
        Path target = dir.resolve(Long.toString(estimator.globalStep()));
        Path bundle;
        if (target.equals(keep) && Files.isDirectory(target)) {
            bundle = target;
        } else {
            deleteTree(target);
            bundle = estimator.export(dir).toAbsolutePath().normalize();
        }
        deleteBundlesExcept(dir, bundle);
        return bundle;
    }

    /**
     * Deletes the bundles ({@code <step>/}) and unfinished exports ({@code export-*}) in {@code dir} other than
     * {@code keep}; anything else there is not ours and stays.
     */
    private static void deleteBundlesExcept(Path dir, Path keep) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!p.equals(keep) && Files.isDirectory(p) && (name.matches("\\d+") || name.startsWith("export-"))) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
