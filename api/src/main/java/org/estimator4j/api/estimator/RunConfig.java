package org.estimator4j.api.estimator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Where and how an estimator keeps its state, as {@code tf.estimator.RunConfig}: the model directory (checkpoints),
 * the seed (the same seed and thread count give bitwise-identical results), when to checkpoint (every N steps and/or
 * seconds; TF's default is every 600 s), how many checkpoints to keep (5) and how often to log (every 100 steps).
 *
 * @since 0.1.0
 */
public final class RunConfig {
    private final Path modelDir;
    private final long seed;
    private final Long saveCheckpointsSteps;
    private final Long saveCheckpointsSecs;
    // Made once: the training loop asks for them at every step.
    private final OptionalLong everySteps;
    private final OptionalLong everySecs;
    private final int keepCheckpointMax;
    private final int logStepCountSteps;

    private RunConfig(Builder b) {
        this.modelDir = b.modelDir;
        this.seed = b.seed;
        this.saveCheckpointsSteps = b.saveCheckpointsSteps;
        this.saveCheckpointsSecs = b.saveCheckpointsSecs;
        this.everySteps = saveCheckpointsSteps == null ? OptionalLong.empty() : OptionalLong.of(saveCheckpointsSteps);
        this.everySecs = saveCheckpointsSecs == null ? OptionalLong.empty() : OptionalLong.of(saveCheckpointsSecs);
        this.keepCheckpointMax = b.keepCheckpointMax;
        this.logStepCountSteps = b.logStepCountSteps;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path modelDir() {
        return modelDir;
    }

    public long seed() {
        return seed;
    }

    /** Checkpoint every this many steps; empty when checkpoints are not counted in steps. */
    public OptionalLong saveCheckpointsSteps() {
        return everySteps;
    }

    /** Checkpoint every this many seconds; empty when checkpoints are not timed. */
    public OptionalLong saveCheckpointsSecs() {
        return everySecs;
    }

    public int keepCheckpointMax() {
        return keepCheckpointMax;
    }

    public int logStepCountSteps() {
        return logStepCountSteps;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.modelDir = modelDir;
        b.seed = seed;
        b.saveCheckpointsSteps = saveCheckpointsSteps;
        b.saveCheckpointsSecs = saveCheckpointsSecs;
        b.keepCheckpointMax = keepCheckpointMax;
        b.logStepCountSteps = logStepCountSteps;
        return b;
    }

    @Override
    public String toString() {
        return "RunConfig{model_dir=" + modelDir + ", seed=" + seed + ", save_checkpoints_steps="
                + saveCheckpointsSteps + ", save_checkpoints_secs=" + saveCheckpointsSecs + ", keep_checkpoint_max="
                + keepCheckpointMax + ", log_step_count_steps=" + logStepCountSteps + "}";
    }

    public static final class Builder {
        private Path modelDir;
        private long seed = 42;
        private Long saveCheckpointsSteps;
        private Long saveCheckpointsSecs = 600L;
        private int keepCheckpointMax = 5;
        private int logStepCountSteps = 100;

        private Builder() {}

        public Builder modelDir(Path dir) {
            this.modelDir = requireNonNull(dir, "dir is null");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Checkpoint every {@code steps} steps (and no longer by time unless saveCheckpointsSecs is set again). */
        public Builder saveCheckpointsSteps(long steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("save_checkpoints_steps must be > 0, got " + steps);
            }
            this.saveCheckpointsSteps = steps;
            this.saveCheckpointsSecs = null;
            return this;
        }

        public Builder saveCheckpointsSecs(long seconds) {
            if (seconds < 1) {
                throw new IllegalArgumentException("save_checkpoints_secs must be > 0, got " + seconds);
            }
            this.saveCheckpointsSecs = seconds;
            return this;
        }

        public Builder keepCheckpointMax(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("keep_checkpoint_max must be > 0, got " + max);
            }
            this.keepCheckpointMax = max;
            return this;
        }

        public Builder logStepCountSteps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("log_step_count_steps must be > 0, got " + steps);
            }
            this.logStepCountSteps = steps;
            return this;
        }

        /** Without a model directory, a fresh temporary one is used (as TensorFlow does). */
        public RunConfig build() {
            if (modelDir == null) {
                try {
                    modelDir = java.nio.file.Files.createTempDirectory("e4j-model-");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot create a temporary model_dir: " + e.getMessage(), e);
                }
            }
            return new RunConfig(this);
        }
    }
}
