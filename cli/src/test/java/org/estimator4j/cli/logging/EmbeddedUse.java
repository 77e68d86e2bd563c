package org.estimator4j.cli.logging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.input.Mode;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.estimators.EvalSpec;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.TrainAndEvaluate;
import org.estimator4j.estimators.TrainSpec;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.TrackedRun;

/**
 * An application embedding the library, without the CLI: trains past two progress logs with evaluations, then records
 * a run in a new store (Flyway creates its schema). Run in a JVM of its own by {@link EmbeddedLoggingTest}, with or
 * without an SLF4J provider on the class path. Argument: a folder to work in.
 */
public final class EmbeddedUse {
    private static final Schema SCHEMA =
            Schema.of(Field.scalar("size", DType.FLOAT32), Field.scalar("label", DType.STRING));

    private EmbeddedUse() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        ModelEstimator model = LinearClassifier.builder(List.of(FeatureColumns.numericColumn("size")))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("model")).build())
                .build();
        TrainAndEvaluate.run(
                model,
                TrainSpec.builder(input()).steps(Steps.max(250)).build(),
                EvalSpec.builder(input()).everySteps(100).build());
        try (ExperimentStore store = ExperimentStore.open(dir.resolve("store").toString())) {
            TrackedRun run = store.startRun("embedded");
            run.logParam("learning_rate", "0.2");
            run.logMetric("loss", 0.5, 1);
            run.end(RunStatus.FINISHED, null);
        }
    }

    /** Sizes in [0, 2), "yes" above 1. */
    private static InputFn input() {
        SplittableRandom r = new SplittableRandom(1);
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float size = (float) (r.nextDouble() * 2);
            rows.add(Example.builder(SCHEMA)
                    .set("size", size)
                    .set("label", size > 1 ? "yes" : "no")
                    .build());
        }
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.repeat();
            }
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b, List.of("label")));
        };
    }
}
