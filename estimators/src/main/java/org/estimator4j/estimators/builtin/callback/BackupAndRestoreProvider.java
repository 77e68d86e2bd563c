package org.estimator4j.estimators.builtin.callback;

import java.util.List;
import java.util.Map;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.callback.TrainingContext;

/**
 * {@code backup_and_restore}: what Keras' {@code BackupAndRestore} gives a Keras model, mapped onto estimators, which
 * have the "restore" half built in: every {@code train} call resumes from the latest checkpoint in the model
 * directory, optimizer state and global step included, so an interrupted run continues where its last checkpoint
 * left it. This callback supplies the "backup" half at a chosen frequency: it saves a checkpoint every {@code
 * save_freq} global steps (Keras' {@code save_freq} in batches), on top of the run config's schedule. Keras' {@code
 * backup_dir} is the model directory itself, and its {@code delete_checkpoint} has no counterpart: the checkpoints are
 * the model and stay.
 */
public final class BackupAndRestoreProvider implements CallbackProvider {
    static final String NAME = "backup_and_restore";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Saves a checkpoint every N steps so that an interrupted run resumes close to where it stopped";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.optional(
                "save_freq", ParameterType.INT, 100, "save a checkpoint every this many global steps"));
    }

    @Override
    public Callback create(Parameters parameters) {
        int every = Callbacks.positive(NAME, "save_freq", parameters.getInt("save_freq"));
        return new Callback() {
            @Override
            public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
                if (step % every == 0) {
                    context.saveCheckpoint();
                }
            }
        };
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
