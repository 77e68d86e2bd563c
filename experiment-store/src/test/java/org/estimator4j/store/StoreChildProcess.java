package org.estimator4j.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A separate JVM that records into a store, for tests of what several processes, exits and signals do:
 *
 * <pre>
 * log   URL EXPERIMENT POINTS READY_FILE GO_FILE  start a run, touch READY_FILE, wait for GO_FILE, log POINTS
 *                                                 points of "loss" (steps 1..POINTS) and "acc" (every 10th step),
 *                                                 end FINISHED, close the store, print the run id
 * exit  URL EXPERIMENT                            start a run, log 100 points, System.exit(3) without ending it
 * hang  URL EXPERIMENT HEARTBEAT_MS [kill-on-shutdown]  start a run, print its id, log a point every 10 ms forever
 * fail  URL EXPERIMENT                            start a run; training throws; the run is failed with the trace
 * </pre>
 */
public final class StoreChildProcess {
    private StoreChildProcess() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        String experiment = args[2];
        switch (mode) {
            case "log" -> {
                int points = Integer.parseInt(args[3]);
                Path ready = Path.of(args[4]);
                Path go = Path.of(args[5]);
                try (ExperimentStore store = ExperimentStore.builder(url)
                        .heartbeatInterval(Duration.ofMillis(500))
                        .open()) {
                    TrackedRun run = store.newRun(experiment)
                            .name("child-" + ProcessHandle.current().pid())
                            .start();
                    run.logParam("pid", Long.toString(ProcessHandle.current().pid()));
                    Files.writeString(ready, run.runId());
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (!Files.exists(go) && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    for (int step = 1; step <= points; step++) {
                        run.logMetric("loss", 1.0 / step, step);
                        if (step % 10 == 0) {
                            run.logMetric("acc", step / (double) points, step);
                        }
                        if (step % 50 == 0) {
                            Thread.sleep(5); // spread the writes over a second or two, so the processes overlap
                        }
                    }
                    run.end(org.estimator4j.api.tracking.RunStatus.FINISHED, null);
                    System.out.println(run.runId());
                }
            }
            case "fill" -> { // 20 finished runs of 500 points each, then exit: a store no other JVM has open
                try (ExperimentStore store = ExperimentStore.open(url)) {
                    for (int r = 0; r < 20; r++) {
                        TrackedRun run =
                                store.newRun(experiment).name("run-" + r).start();
                        run.logParam("estimator.optimizer.learning_rate", Double.toString(0.01 * r));
                        for (int step = 0; step < 500; step++) {
                            run.logMetric("train_loss", 1.0 / (step + 1), step);
                        }
                        run.end(org.estimator4j.api.tracking.RunStatus.FINISHED, null);
                    }
                }
            }
            case "open" -> {
                long at = Long.parseLong(args[3]); // epoch ms: every child opens at the same moment
                while (System.currentTimeMillis() < at) {
                    Thread.sleep(1);
                }
                try (ExperimentStore store = ExperimentStore.open(url)) {
                    System.out.println(store.schemaVersion());
                }
            }
            case "exit" -> {
                ExperimentStore store = ExperimentStore.open(url);
                TrackedRun run = store.startRun(experiment);
                for (int step = 1; step <= 100; step++) {
                    run.logMetric("loss", step, step);
                }
                System.out.println(run.runId());
                System.out.flush();
                System.exit(3);
            }
            case "hang" -> {
                ExperimentStore store = ExperimentStore.builder(url)
                        .heartbeatInterval(Duration.ofMillis(Long.parseLong(args[3])))
                        .open();
                boolean kill = args.length <= 4 || Boolean.parseBoolean(args[4]);
                TrackedRun run = store.newRun(experiment).killOnShutdown(kill).start();
                run.logParam("mode", "hang");
                System.out.println(run.runId());
                System.out.flush();
                for (long step = 1; ; step++) {
                    run.logMetric("loss", 1.0 / step, step);
                    Thread.sleep(10);
                }
            }
            case "fail" -> {
                try (ExperimentStore store = ExperimentStore.open(url)) {
                    TrackedRun run = store.startRun(experiment);
                    try {
                        train();
                    } catch (RuntimeException e) {
                        run.fail(e);
                    }
                    System.out.println(run.runId());
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void train() {
        throw new IllegalStateException("the loss diverged at step 7");
    }
}
