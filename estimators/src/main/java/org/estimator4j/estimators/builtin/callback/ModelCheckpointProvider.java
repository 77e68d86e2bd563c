package org.estimator4j.estimators.builtin.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.callback.TrainingContext;
import org.slf4j.Logger;

/**
 * {@code model_checkpoint}: Keras' {@code ModelCheckpoint} for a model directory.
 *
 * <p>With {@code save_best_only}, each evaluation that is strictly better than the best so far by {@code monitor}
 * saves a checkpoint ({@link TrainingContext#saveCheckpoint()}; train-and-evaluate has usually just saved it) and keeps
 * a copy of it in {@code <model_dir>/best_checkpoint/}, with the model's {@code estimator.json}, so that rotation by
 * {@code keep_checkpoint_max} cannot delete it: that directory is a model directory holding the best checkpoint only,
 * to evaluate or export with an estimator pointed at it, or to warm-start from. The best value and step are recorded
 * in {@code <model_dir>/best_checkpoint.json}, written atomically and read back when training resumes, so a resumed run
 * never replaces a better checkpoint of an earlier run. Evaluations that are not better save nothing. Without
 * evaluations it does nothing.
 *
 * <p>Without {@code save_best_only} it saves a checkpoint every {@code every_n_steps} global steps (Keras'
 * {@code save_freq} in batches); {@code keep_checkpoint_max} of the run config decides how many stay.
 */
public final class ModelCheckpointProvider implements CallbackProvider {
    static final String NAME = "model_checkpoint";
    /** The record of the best checkpoint, in the model directory. */
    public static final String RECORD_FILE = "best_checkpoint.json";
    /** The directory, in the model directory, holding the copy of the best checkpoint. */
    public static final String BEST_DIR = "best_checkpoint";
    /** The model description every model directory holds (see {@code ModelEstimator}). */
    private static final String DESCRIPTION_FILE = "estimator.json";

    private static final Logger LOG = Logs.get(ModelCheckpointProvider.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Saves a checkpoint every N steps, or keeps a copy of the best one by an evaluation metric, as Keras' "
                + "ModelCheckpoint";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional(
                        "monitor",
                        ParameterType.STRING,
                        "loss",
                        "the evaluation metric that picks the best checkpoint (val_ prefix allowed)"),
                ParameterSpec.optional(
                        "mode", ParameterType.STRING, "auto", "min, max, or auto (from the metric's name)"),
                ParameterSpec.optional(
                        "save_best_only",
                        ParameterType.BOOLEAN,
                        false,
                        "keep the best checkpoint by monitor instead of saving every N steps"),
                ParameterSpec.optional(
                        "every_n_steps",
                        ParameterType.INT,
                        100,
                        "without save_best_only: save every this many global steps"));
    }

    @Override
    public Callback create(Parameters parameters) {
        Monitor monitor = Monitor.of(NAME, parameters.getString("monitor"), parameters.getString("mode"));
        int every = Callbacks.positive(NAME, "every_n_steps", parameters.getInt("every_n_steps"));
        return parameters.getBoolean("save_best_only") ? new SaveBest(monitor) : new SaveEvery(every);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    /** Saves every N global steps. */
    static final class SaveEvery implements Callback {
        private final int every;

        SaveEvery(int every) {
            this.every = every;
        }

        @Override
        public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
            if (step % every == 0) {
                context.saveCheckpoint();
            }
        }
    }

    /** Keeps the best checkpoint by an evaluation metric. */
    static final class SaveBest implements Callback {
        private final Monitor monitor;
        private double best;

        SaveBest(Monitor monitor) {
            this.monitor = monitor;
            this.best = monitor.worst();
        }

        @Override
        public void onTrainBegin(TrainingContext context) {
            best = readRecord(context.modelDir());
        }

        @Override
        public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
            double current = monitor.value(metrics);
            if (!monitor.improves(current, best, 0)) {
                return;
            }
            long saved = context.saveCheckpoint();
            Path modelDir = context.modelDir();
            Path bestDir = modelDir.resolve(BEST_DIR);
            Path copy = Checkpoints.file(bestDir, saved);
            AtomicFiles.copy(Checkpoints.file(modelDir, saved), copy);
            Path description = modelDir.resolve(DESCRIPTION_FILE);
            if (Files.isRegularFile(description)) {
                AtomicFiles.copy(description, bestDir.resolve(DESCRIPTION_FILE));
            }
            deleteOtherCheckpoints(bestDir, copy);
            writeRecord(modelDir, current, saved, modelDir.relativize(copy));
            LOG.debug(String.format(
                    Locale.ROOT,
                    "%s: %s improved from %s to %s at step %d; " + "kept in %s",
                    NAME,
                    monitor.direction(),
                    best,
                    current,
                    saved,
                    bestDir));
            best = current;
        }

        /** The best value of an earlier run whose copy is still there; else the worst value. */
        private double readRecord(Path modelDir) {
            Path file = modelDir.resolve(RECORD_FILE);
            if (!Files.isRegularFile(file)) {
                return monitor.worst();
            }
            JsonNode json;
            try {
                json = MAPPER.readTree(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read " + file + ": " + e.getMessage() + "; delete it to start "
                                + "choosing the best checkpoint over",
                        e);
            }
            String metric = json.path("monitor").asText();
            boolean higherIsBetter = json.path("higher_is_better").asBoolean();
            if (!metric.equals(monitor.name()) || higherIsBetter != monitor.higherIsBetter()) {
                throw new IllegalStateException(file + " says the best checkpoint was chosen by "
                        + new Monitor(NAME, metric, higherIsBetter).direction() + ", but this run compares "
                        + monitor.direction() + ": monitor the same metric, or delete " + file + " and "
                        + modelDir.resolve(BEST_DIR) + " to start over");
            }
            Path copy = modelDir.resolve(json.path("checkpoint").asText()).normalize();
            if (!Files.isRegularFile(copy)) {
                LOG.info(
                        "{} records a best checkpoint {} that is not there (any more): "
                                + "the next evaluation starts a new best",
                        file,
                        copy);
                return monitor.worst();
            }
            return json.path("value").asDouble();
        }

        private void writeRecord(Path modelDir, double value, long step, Path checkpoint) {
            ObjectNode json = MAPPER.createObjectNode();
            json.put("format", 1);
            json.put("monitor", monitor.name());
            json.put("higher_is_better", monitor.higherIsBetter());
            json.put("value", value);
            json.put("global_step", step);
            json.put("checkpoint", checkpoint.toString().replace('\\', '/'));
            try {
                AtomicFiles.write(modelDir.resolve(RECORD_FILE), MAPPER.writeValueAsBytes(json));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + modelDir.resolve(RECORD_FILE), e);
            }
        }

        /** Removes earlier copies and unfinished writes of a killed process; anything else stays. */
        private static void deleteOtherCheckpoints(Path dir, Path keep) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (!p.equals(keep) && (name.matches("ckpt-\\d+\\.e4j") || name.endsWith(".partial"))) {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
