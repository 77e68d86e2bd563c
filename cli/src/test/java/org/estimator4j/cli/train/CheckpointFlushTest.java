package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.cli.runs.TrainedRuns;
import org.estimator4j.cli.store.ExperimentStoreOpener;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.TrainingContext;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.MetricPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 9: what {@code e4j train} records is flushed at every checkpoint, so a process killed without
 * warning keeps every metric point up to the checkpoint it resumes from. Checked from inside a real training run:
 * right after each checkpoint (at the next step's start, where a SIGKILL could land), another connection must already
 * see {@code train_loss} for every step up to the checkpoint's step. Points otherwise wait up to
 * {@code TrackedRun.LINGER_MS} in the writer's queue, which is what a SIGKILL used to lose.
 */
class CheckpointFlushTest {
    @TempDir
    Path dir;

    @Test
    void everyPointUpToTheLatestCheckpointIsInTheStoreWhenTheCheckpointIsThere() throws Exception {
        TrainedRuns runs = new TrainedRuns(dir);
        Path modelDir = dir.resolve("model");
        String store = dir.resolve("store").toString();
        ExperimentConfig config = ExperimentConfig.load(
                runs.config(),
                List.of(
                        "data.epochs=6",
                        "run_config.log_step_count_steps=1",
                        "run_config.save_checkpoints_steps=7",
                        "run_config.model_dir=" + modelDir));
        List<String> checked = new ArrayList<>();
        try (RunRecording recording = RunRecording.start(
                        new ExperimentStoreOpener(Clock.systemUTC()),
                        config,
                        org.estimator4j.cli.config.RunLabels.NONE,
                        store,
                        null,
                        List.of("test"),
                        new PrintWriter(Writer.nullWriter()));
                ExperimentStore reader = ExperimentStore.open(store)) {
            Callback probe = new Callback() {
                long seen;

                @Override
                public void onStepBegin(TrainingContext context, long step) {
                    Optional<Checkpoints.Checkpoint> latest = new Checkpoints(modelDir, 100).latest();
                    if (latest.isEmpty() || latest.get().globalStep() == seen) {
                        return;
                    }
                    seen = latest.get().globalStep();
                    List<MetricPoint> loss = reader.metricHistory(recording.runId(), "train_loss");
                    for (long s = 1; s <= seen; s++) {
                        long wanted = s;
                        assertTrue(
                                loss.stream().anyMatch(p -> p.step() == wanted),
                                "checkpoint " + seen
                                        + " is on disk but train_loss of step " + s + " is not in the store: "
                                        + loss.size()
                                        + " points");
                    }
                    checked.add("ckpt-" + seen);
                }
            };
            config.estimator().train(config.trainInput(), config.steps(), recording.callbacks(List.of(probe)));
            recording.finished(null);
        }
        assertTrue(checked.size() >= 5, "checkpoints checked: " + checked);
        assertEquals("ckpt-7", checked.get(0));
    }
}
