package org.estimator4j.estimators;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.data.DatasetIterator;
import org.estimator4j.api.estimator.Estimator;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.input.Mode;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Column;
import org.estimator4j.api.table.DoubleColumn;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.estimators.head.EvalMetrics;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.serving.BundleWriter;
import org.estimator4j.estimators.serving.ExportedBundle;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.TrainingContext;
import org.slf4j.Logger;

/**
 * The training loop every premade estimator shares: a {@link Model} for the logits, a {@link Head} for the loss,
 * predictions and metrics, and the model directory for checkpoints. Train resumes from the latest checkpoint, saves
 * every N steps / seconds and at the end, and never writes a checkpoint after a failure, so a crash leaves the last
 * good one in place. The model directory also records what model it holds ({@code estimator.json}): pointing another
 * model at it is refused.
 */
public class ModelEstimator implements Estimator {
    private static final Logger LOG = Logs.get(ModelEstimator.class);

    private final String description;
    private final Supplier<Model> models;
    private final Head head;
    private final RunConfig config;
    private final String weightColumn;
    private final Path warmStartFrom;

    /**
     * @param description what the model is (type, columns, options) as JSON text: written to the model directory and
     *     compared when it is reused
     */
    public ModelEstimator(
            String description, Supplier<Model> models, Head head, RunConfig config, String weightColumn) {
        this(description, models, head, config, weightColumn, null);
    }

    /**
     * @param warmStartFrom another model directory whose trained variables and optimizer slots (matched by name, and
     *     by key where a vocabulary changed) initialise this model when its own directory has no checkpoint yet; null
     *     for none
     */
    public ModelEstimator(
            String description,
            Supplier<Model> models,
            Head head,
            RunConfig config,
            String weightColumn,
            Path warmStartFrom) {
        this.warmStartFrom = warmStartFrom;
        this.description = requireNonNull(description, "description is null");
        this.models = requireNonNull(models, "models is null");
        this.head = requireNonNull(head, "head is null");
        this.config = requireNonNull(config, "config is null");
        this.weightColumn = weightColumn;
    }

    @Override
    public RunConfig runConfig() {
        return config;
    }

    public Head head() {
        return head;
    }

    private Checkpoints checkpoints() {
        return new Checkpoints(config.modelDir(), config.keepCheckpointMax());
    }

    @Override
    public long globalStep() {
        return checkpoints().latestStep();
    }

    /** A model with the latest checkpoint's variables, and its step (0 and fresh variables without one). */
    private record Restored(Model model, long step) {}

    private Restored restore(boolean required) {
        checkDescription();
        Model model = models.get();
        var latest = checkpoints().latest();
        if (latest.isEmpty()) {
            if (required) {
                throw new IllegalStateException(
                        "no checkpoint in model_dir " + config.modelDir() + ": train the model first");
            }
            if (warmStartFrom != null) {
                warmStart(model);
            }
            return new Restored(model, 0);
        }
        model.restore(latest.get().variables());
        return new Restored(model, latest.get().globalStep());
    }

    /**
     * Copies what another model directory shares with this model, optimizer slots included: FTRL derives its weights
     * from its slots, so weights alone would be undone by the first step. (TensorFlow's default warm start copies
     * trainable variables only.) Rows of a column whose vocabulary changed follow their keys; see {@link WarmStart}.
     */
    private void warmStart(Model model) {
        WarmStart.apply(model, description, warmStartFrom);
    }

    /**
     * Trains, calling {@code callbacks} in order on this thread. Without callbacks the loop does no per-step work for
     * them (no logs map is built). A callback's exception stops training at once: nothing more is saved, so the
     * latest checkpoint is the last one written before it (by the schedule or by
     * {@link TrainingContext#saveCheckpoint()}), as after a NaN loss.
     */
    @Override
    public Estimator train(InputFn input, Steps steps, List<? extends Callback> callbacks) {
        requireNonNull(input, "input is null");
        requireNonNull(steps, "steps is null");
        List<Callback> hooks = List.copyOf(requireNonNull(callbacks, "callbacks is null"));
        boolean hooked = !hooks.isEmpty();
        Restored restored = restore(false);
        writeDescription();
        Checkpoints checkpoints = checkpoints();
        checkpoints.deleteAbandonedWrites();
        Session session = new Session(restored.model(), checkpoints, restored.step(), hooks);
        try {
            for (Callback c : hooks) {
                try {
                    c.onTrainBegin(session);
                } catch (RuntimeException e) {
                    throw session.callbackFailed(c, "onTrainBegin", e);
                }
            }
            long stopAt = steps.stopAt(session.step);
            if (session.step >= stopAt) {
                LOG.debug("global step {} already reached max steps {}: nothing to train", session.step, stopAt);
            } else {
                loop(input, stopAt, session, hooks, hooked);
            }
            if (session.step > session.lastSavedStep) {
                session.save();
            }
            for (Callback c : hooks) {
                try {
                    c.onTrainEnd(session);
                } catch (RuntimeException e) {
                    throw session.callbackFailed(c, "onTrainEnd", e);
                }
            }
        } finally {
            session.ended = true;
        }
        return this;
    }

    private void loop(InputFn input, long stopAt, Session session, List<Callback> hooks, boolean hooked) {
        Model model = session.model;
        long step = session.step;
        long logStartNanos = System.nanoTime();
        long logStartStep = step;
        float[] targets = new float[0];
        float[] gradient = new float[0];
        float[] zeroLogits = new float[0];
        float[] scratch = new float[0];
        DivergenceWatch divergence = new DivergenceWatch();
        try (Dataset<LabeledBatch> data = input.apply(Mode.TRAIN);
                DatasetIterator<LabeledBatch> batches = data.iterator()) {
            while (step < stopAt && !session.stopRequested && batches.hasNext()) {
                LabeledBatch batch = batches.next();
                if (hooked) {
                    for (Callback c : hooks) {
                        try {
                            c.onStepBegin(session, step + 1);
                        } catch (RuntimeException e) {
                            throw session.callbackFailed(c, "onStepBegin", e);
                        }
                    }
                }
                int n = batch.numRows();
                float[] logits = model.forward(batch.features(), true);
                targets = ensure(targets, n * head.targetWidth());
                head.readTargets(batch.labels(), targets);
                gradient = ensure(gradient, n * head.logitsDimension());
                double loss = head.lossAndGradient(logits, targets, weights(batch.features()), n, gradient);
                if (Double.isNaN(loss) || Double.isInfinite(loss)) {
                    throw new IllegalStateException("the training loss became " + loss + " at step " + (step + 1)
                            + "; training stopped, " + session.checkpointState() + ": lower the learning rate (by "
                            + "10x or more), normalize numeric columns with large values, or check the inputs for "
                            + "extreme values");
                }
                if (!divergence.started()) {
                    zeroLogits = ensure(zeroLogits, n * head.logitsDimension());
                    Arrays.fill(zeroLogits, 0f);
                    scratch = ensure(scratch, n * head.logitsDimension());
                    divergence.start(
                            step + 1,
                            loss,
                            head.lossAndGradient(zeroLogits, targets, weights(batch.features()), n, scratch));
                } else {
                    divergence.add(loss);
                }
                model.backward(gradient);
                step++;
                session.step = step;
                if (step % config.logStepCountSteps() == 0) {
                    double seconds = (System.nanoTime() - logStartNanos) / 1e9;
                    LOG.debug(String.format(
                            java.util.Locale.ROOT,
                            "step %d: loss %.5f (%.1f steps/s)",
                            step,
                            loss,
                            (step - logStartStep) / seconds));
                    logStartNanos = System.nanoTime();
                    logStartStep = step;
                    warnIfDiverging(divergence, step);
                }
                if (hooked) {
                    Map<String, Double> logs = Map.of("loss", loss);
                    for (Callback c : hooks) {
                        try {
                            c.onStepEnd(session, step, logs);
                        } catch (RuntimeException e) {
                            throw session.callbackFailed(c, "onStepEnd", e);
                        }
                    }
                }
                if (dueForCheckpoint(step, session.lastSavedStep, session.lastSaveNanos)) {
                    session.save();
                }
            }
        }
        warnIfDiverging(divergence, step);
    }

    private static void warnIfDiverging(DivergenceWatch divergence, long step) {
        String warning = divergence.check(step);
        if (warning != null) {
            LOG.warn(warning);
        }
    }

    /**
     * One {@code train} call's state, shared by the loop and its callbacks: the model, the step and the last save.
     * Callbacks see it as a {@link TrainingContext}.
     */
    private final class Session implements TrainingContext {
        final Model model;
        final Checkpoints checkpoints;
        final List<Callback> hooks;
        long step;
        /** The step of the latest checkpoint (the restored one, or 0 for a fresh model). */
        long lastSavedStep;
        /** Whether a checkpoint of {@link #lastSavedStep} exists: a fresh model (step 0) has none. */
        boolean saved;

        long lastSaveNanos = System.nanoTime();
        boolean stopRequested;
        boolean ended;
        double learningRateMultiplier = 1;

        Session(Model model, Checkpoints checkpoints, long step, List<Callback> hooks) {
            this.model = model;
            this.checkpoints = checkpoints;
            this.hooks = hooks;
            this.step = step;
            this.lastSavedStep = step;
            this.saved = step > 0;
        }

        void save() {
            checkpoints.save(step, model.variables());
            lastSavedStep = step;
            saved = true;
            lastSaveNanos = System.nanoTime();
            for (Callback c : hooks) {
                try {
                    c.onCheckpointSaved(this, step);
                } catch (RuntimeException e) {
                    throw callbackFailed(c, "onCheckpointSaved", e);
                }
            }
        }

        @Override
        public long globalStep() {
            return step;
        }

        @Override
        public void requestStop() {
            stopRequested = true;
        }

        @Override
        public long saveCheckpoint() {
            if (ended) {
                throw new IllegalStateException("this training context's train call has ended; save checkpoints "
                        + "from a callback method while the model trains");
            }
            if (!saved || step != lastSavedStep) {
                save();
            }
            return step;
        }

        @Override
        public Path modelDir() {
            return config.modelDir();
        }

        @Override
        public double learningRateMultiplier() {
            return learningRateMultiplier;
        }

        @Override
        public void setLearningRateMultiplier(double multiplier) {
            if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("learning rate multiplier must be > 0, got " + multiplier);
            }
            learningRateMultiplier = multiplier;
            model.setLearningRateMultiplier(multiplier);
        }

        IllegalStateException callbackFailed(Callback c, String method, RuntimeException e) {
            return new IllegalStateException(
                    "callback " + PluginComponent.unwrap(c).getClass().getName()
                            + " failed in " + method
                            + " at global step " + step + ": " + e + "; training stopped, " + checkpointState()
                            + ": fix or remove the callback, then train again",
                    e);
        }

        /**
         * What a failed run leaves, truthfully: the checkpoint training again resumes from, or that there is none
         * (a fresh model before its first save: training again starts over).
         */
        String checkpointState() {
            if (!saved) {
                return "no checkpoint was written yet (training again starts from step 0)";
            }
            return "the last checkpoint is step " + lastSavedStep + " ("
                    + Checkpoints.file(config.modelDir(), lastSavedStep) + "), intact; training again resumes from it";
        }
    }

    private boolean dueForCheckpoint(long step, long lastSavedStep, long lastSaveNanos) {
        OptionalLong everySteps = config.saveCheckpointsSteps();
        OptionalLong everySecs = config.saveCheckpointsSecs();
        return (everySteps.isPresent() && step - lastSavedStep >= everySteps.getAsLong())
                || (everySecs.isPresent()
                        && System.nanoTime() - lastSaveNanos >= everySecs.getAsLong() * 1_000_000_000L);
    }

    private static float[] ensure(float[] a, int size) {
        return a.length >= size ? a : new float[size];
    }

    /** The example weights from the weight column, or null. */
    private float[] weights(Batch features) {
        if (weightColumn == null) {
            return null;
        }
        Column c = features.column(weightColumn);
        int n = features.numRows();
        float[] w = new float[n];
        for (int r = 0; r < n; r++) {
            if (c.isMissing(r)) {
                throw new IllegalArgumentException(
                        features.rowName(r) + ": weight column '" + weightColumn + "' is missing");
            }
            if (!(c instanceof FloatColumn || c instanceof DoubleColumn || c instanceof LongColumn)) {
                throw new IllegalArgumentException(
                        "weight column '" + weightColumn + "' must be numeric, got " + c.field());
            }
            w[r] = c instanceof FloatColumn f
                    ? f.values()[r]
                    : c instanceof DoubleColumn d ? (float) d.values()[r] : ((LongColumn) c).values()[r];
            if (!Float.isFinite(w[r])) {
                throw new IllegalArgumentException(features.rowName(r) + ": weight column '" + weightColumn
                        + "' has the value " + c.get(r) + ", which is not a finite float32 number");
            }
        }
        return w;
    }

    @Override
    public EvalResult evaluate(InputFn input, Steps steps) {
        requireNonNull(input, "input is null");
        long maxBatches = requireNonNull(steps, "steps is null").stopAt(0);
        Restored restored = restore(true);
        EvalMetrics metrics = head.newEvalMetrics();
        float[] targets = new float[0];
        float[] gradient = new float[0];
        long taken = 0;
        try (Dataset<LabeledBatch> data = input.apply(Mode.EVAL);
                DatasetIterator<LabeledBatch> batches = data.iterator()) {
            while (taken < maxBatches && batches.hasNext()) {
                LabeledBatch batch = batches.next();
                int n = batch.numRows();
                float[] logits = restored.model().inference(batch.features());
                targets = ensure(targets, n * head.targetWidth());
                head.readTargets(batch.labels(), targets);
                gradient = ensure(gradient, n * head.logitsDimension());
                float[] w = weights(batch.features());
                double loss = head.lossAndGradient(logits, targets, w, n, gradient);
                if (!Double.isFinite(loss)) {
                    throw nonFiniteEvalLoss(loss, logits, n, batch, restored.step());
                }
                metrics.update(logits, targets, w, n, loss);
                taken++;
            }
        }
        Map<String, Double> results = new HashMap<>(metrics.results());
        results.put("global_step", (double) restored.step());
        return new EvalResult(restored.step(), results);
    }

    /**
     * Inputs are checked before they reach the model (non-finite numbers and bad labels are refused where they are
     * read), so a non-finite evaluation loss means the model's own outputs are: no metric computed beside it would
     * mean anything, so evaluation fails instead of reporting accuracy next to a NaN loss.
     */
    private IllegalStateException nonFiniteEvalLoss(
            double loss, float[] logits, int numRows, LabeledBatch batch, long step) {
        int width = head.logitsDimension();
        String where = "";
        for (int i = 0; i < numRows * width; i++) {
            if (!Float.isFinite(logits[i])) {
                where = " (the model's output for " + batch.features().rowName(i / width) + " is " + logits[i] + ")";
                break;
            }
        }
        return new IllegalStateException("the evaluation loss is " + loss + where + ": the model at global step "
                + step + " gives non-finite outputs, so it has no meaningful metrics; retrain it (from scratch or "
                + "an earlier checkpoint) with a lower learning rate");
    }

    @Override
    public List<Prediction> predict(InputFn input) {
        requireNonNull(input, "input is null");
        Restored restored = restore(true);
        List<Prediction> out = new ArrayList<>();
        try (Dataset<LabeledBatch> data = input.apply(Mode.PREDICT);
                DatasetIterator<LabeledBatch> batches = data.iterator()) {
            while (batches.hasNext()) {
                LabeledBatch batch = batches.next();
                float[] logits = restored.model().inference(batch.features());
                for (int r = 0; r < batch.numRows(); r++) {
                    out.add(head.predict(logits, r));
                }
            }
        }
        return out;
    }

    /**
     * Writes the latest checkpoint and the model's description into {@code directory/<global step>/}: a bundle a
     * predictor can load without the training model directory. Its {@code manifest.json}, written last, records the
     * size and SHA-256 of both files, so that loading can tell a damaged copy from a good one.
     */
    @Override
    public Path export(Path directory) {
        return exportBundle(directory).directory();
    }

    /**
     * {@link #export} with what it did: the bundle, its manifest, and whether an identical bundle of the same step
     * was already there and was kept (see {@link BundleWriter}).
     */
    public ExportedBundle exportBundle(Path directory) {
        var latest = checkpoints()
                .latest()
                .orElseThrow(() -> new IllegalStateException("no checkpoint in " + "model_dir " + config.modelDir()
                        + ": train the model before exporting it"));
        return BundleWriter.write(directory, latest.globalStep(), description, latest.file());
    }

    private Path descriptionFile() {
        return config.modelDir().resolve("estimator.json");
    }

    private void checkDescription() {
        Path file = descriptionFile();
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            String saved = Files.readString(file, StandardCharsets.UTF_8);
            if (!saved.equals(description)) {
                throw new IllegalStateException("model_dir " + config.modelDir() + " holds a different model (see "
                        + file + "); use a new model_dir, or the same columns and options as before");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeDescription() {
        Path file = descriptionFile();
        if (Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.createDirectories(config.modelDir());
            Path temp = Files.createTempFile(config.modelDir(), "estimator.", ".partial");
            Files.writeString(temp, description, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
