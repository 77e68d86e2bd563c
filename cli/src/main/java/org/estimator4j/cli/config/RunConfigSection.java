package org.estimator4j.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import org.estimator4j.api.estimator.RunConfig;

/** {@code run_config}: the model directory, seed, checkpoints and logging. Absent keys take their defaults here. */
record RunConfigSection(
        @JsonProperty(required = true) String modelDir,
        Long seed,
        Long saveCheckpointsSteps,
        Long saveCheckpointsSecs,
        Integer keepCheckpointMax,
        Integer logStepCountSteps) {

    RunConfigSection {
        ConfigBinder.required("model_dir", modelDir);
        seed = seed == null ? 42L : seed;
        saveCheckpointsSteps = ConfigBinder.atLeast(
                "save_checkpoints_steps", saveCheckpointsSteps, null, 1, "use a positive number of steps");
        saveCheckpointsSecs = ConfigBinder.atLeast(
                "save_checkpoints_secs", saveCheckpointsSecs, null, 1, "use a positive number of seconds");
        keepCheckpointMax = ConfigBinder.atLeast(
                "keep_checkpoint_max", keepCheckpointMax, 5, 1, "use a positive number of checkpoints");
        logStepCountSteps = ConfigBinder.atLeast(
                "log_step_count_steps", logStepCountSteps, 100, 1, "use a positive number of steps");
    }

    /** The run config, {@code model_dir} relative to {@code base} (the config file's folder). */
    RunConfig runConfig(Path base) {
        RunConfig.Builder b = RunConfig.builder()
                .modelDir(base.resolve(modelDir).normalize())
                .seed(seed)
                .keepCheckpointMax(keepCheckpointMax)
                .logStepCountSteps(logStepCountSteps);
        if (saveCheckpointsSteps != null) {
            b.saveCheckpointsSteps(saveCheckpointsSteps);
        }
        if (saveCheckpointsSecs != null) {
            b.saveCheckpointsSecs(saveCheckpointsSecs);
        }
        return b.build();
    }
}
