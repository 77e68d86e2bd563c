package org.estimator4j.cli.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.estimator4j.api.plugin.PluginJar;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.cli.CliRun;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin callback that throws mid-training, from a real jar in a plugins folder: the command fails naming the
 * plugin's class, the run is recorded FAILED with the plugin's stack trace, and the last checkpoint stays loadable.
 */
class ThrowingPluginTest {
    @TempDir
    Path dir;

    @Test
    void aPluginThatThrowsDuringTrainingFailsTheRunAndKeepsTheLastCheckpoint() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJar.create()
                .provider(
                        CallbackProvider.class,
                        "com.acme.boom.BoomProvider",
                        "acme.boom",
                        "1",
                        "List.of()",
                        "return new Boom();",
                        """
                        static final class Boom implements org.estimator4j.spi.callback.Callback {
                            public void onStepEnd(org.estimator4j.spi.callback.TrainingContext c, long step,
                                    Map<String, Double> logs) {
                                if (step == 130) {
                                    throw new IllegalStateException("acme.boom went off at step " + step);
                                }
                            }
                        }
                        """)
                .writeTo(plugins.resolve("acme-boom.jar"));
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder train = new StringBuilder("color,size,label\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 2000; i++) {
            String color = colors[r.nextInt(3)];
            double size = r.nextDouble() * 2;
            train.append(color)
                    .append(',')
                    .append(size)
                    .append(',')
                    .append(color.equals("red") || size > 1.5 ? "yes" : "no")
                    .append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Path config = dir.resolve("boom.json");
        Files.writeString(config, """
                {
                  "plugins": {"dir": "plugins"},
                  "data": {"train_files": ["train.csv"], "label": "label", "batch_size": 32, "epochs": 5},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"]}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "train": {"callbacks": [{"type": "acme.boom"}]},
                  "run_config": {"model_dir": "model", "save_checkpoints_steps": 50}
                }
                """);
        String store = dir.resolve("store").toString();
        CliRun run = CliRun.e4j("train", "--config", config.toString(), "--store", store);
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(
                run.err().contains("com.acme.boom.BoomProvider$Boom")
                        && run.err().contains("acme.boom went off"),
                run.err());
        // Checkpoints at 50 and 100 were written; nothing after the failure at 130.
        assertEquals(
                100,
                new Checkpoints(dir.resolve("model"), 5).latest().orElseThrow().globalStep());
        try (ExperimentStore s = ExperimentStore.open(store)) {
            List<RunInfo> runs = s.listRuns("boom", false);
            assertEquals(1, runs.size());
            assertEquals(RunStatus.FAILED, runs.get(0).status());
            assertTrue(
                    runs.get(0).failure().contains("acme.boom went off at step 130"),
                    runs.get(0).failure());
            // The plugin's frames name its jar (the class loader's name): "at plugin:acme-boom.jar//com.acme...".
            assertTrue(
                    runs.get(0).failure().contains("acme-boom.jar//com.acme.boom.BoomProvider$Boom.onStepEnd"),
                    runs.get(0).failure());
        }
    }
}
