package org.estimator4j.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.cli.Console;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.cli.config.RunLabels;
import org.estimator4j.cli.store.StoreOpener;
import org.estimator4j.estimators.EvalSpec;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.TrainAndEvaluate;
import org.estimator4j.estimators.TrainSpec;
import org.estimator4j.spi.callback.Callback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e4j train --config FILE}: trains the config's estimator on its train files (resuming from the latest
 * checkpoint in the model directory), then evaluates on its eval files when it has some. With
 * {@code train.eval_every_steps} it evaluates during training instead and keeps the best model as a serving bundle
 * ({@link TrainAndEvaluate}).
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train the experiment's estimator (resumes from the model directory), then evaluate it.",
            "With train.eval_every_steps, evaluate every N steps and export the best model to " + "<export_dir>/best/."
        })
public final class TrainCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The built-in callback whose output, in e4j train, is the console's. */
    private static final String PROGRESS_BAR = "progress_bar";
    /** Exit status after Ctrl-C: 128 + SIGINT, as shells report it. */
    static final int EXIT_INTERRUPTED = 130;

    @Mixin
    ConfigOptions options;

    @Option(
            names = "--no-eval",
            description = "Skip evaluation: after training, and during it with train.eval_every_steps.")
    boolean noEval;

    @Option(
            names = "--store",
            paramLabel = "URL",
            description = "Experiment store to record the run in: a JDBC URL or a path (default: the config's store, "
                    + "else $E4J_STORE, else ~/.estimator4j/store/e4j).")
    String store;

    @Option(names = "--no-store", description = "Do not record this run in the experiment store.")
    boolean noStore;

    @Option(
            names = "--run-name",
            paramLabel = "NAME",
            description = "Name of the recorded run (overrides the config's run.name; need not be unique).")
    String runName;

    @Option(
            names = "--tag",
            paramLabel = "KEY=VALUE",
            description = "Tag the recorded run (repeatable; over the config's run.tags with the same key).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Inject
    StoreOpener stores;

    @Inject
    Console io;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        // Ctrl-C from the start: training then stops at its next step (or does none), saves, and ends the run KILLED.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<TrainingConsole> console = new AtomicReference<>();
        try (CtrlC ctrlC = CtrlC.install(() -> {
            stop.set(true);
            String notice = "interrupted: stopping at the next step and saving a checkpoint (Ctrl-C again to quit "
                    + "at once)";
            TrainingConsole shown = console.get();
            if (shown != null) {
                shown.println(err, notice);
            } else {
                err.println(notice);
                err.flush();
            }
        })) {
            ExperimentConfig config = options.load();
            if (config.columnStateNote() != null) {
                err.println(config.columnStateNote());
            }
            RunLabels labels = config.runLabels().overriddenBy(runName, tags);
            RunRecording recording = noStore
                    ? RunRecording.disabled(config)
                    : RunRecording.start(
                            stores,
                            config,
                            labels,
                            store,
                            options.plugins,
                            spec.commandLine().getParseResult().originalArgs(),
                            err);
            try {
                return train(config, recording, stop, console);
            } catch (RuntimeException | Error e) {
                recording.failed(e);
                throw e;
            } finally {
                recording.close();
            }
        }
    }

    private Integer train(
            ExperimentConfig config,
            RunRecording recording,
            AtomicBoolean stop,
            AtomicReference<TrainingConsole> shownConsole) {
        ModelEstimator model = config.estimator();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = options.format == ConfigOptions.Format.json;
        boolean evaluateDuring = config.evalEverySteps() != null && config.hasEvalData() && !noEval;
        if (config.evalEverySteps() != null && !config.hasEvalData()) {
            err.println(
                    "note: train.eval_every_steps is ignored: the config has no " + "data.eval_files to evaluate on");
        }
        long before = model.globalStep();
        // The console is e4j train's progress bar: a configured progress_bar sets how often it reports (and is
        // checked), but does not draw a second one.
        long every = config.runConfig().logStepCountSteps();
        for (ExperimentConfig.ComponentSpec c : config.callbackSpecs()) {
            if (c.type().equals(PROGRESS_BAR)) {
                config.callbacks(s -> s == c); // checks its parameters
                every = ((Number) c.params().getOrDefault("every_n_steps", 100)).longValue();
            }
        }
        List<Callback> callbacks = new ArrayList<>(
                recording.callbacks(config.callbacks(c -> !c.type().equals(PROGRESS_BAR))));
        TrainingConsole console = new TrainingConsole(
                err,
                io.terminal(),
                every,
                config.batchSize(),
                TrainingLength.stopStep(config, before),
                System::nanoTime,
                stop::get);
        callbacks.add(console);
        shownConsole.set(console);
        long start = System.nanoTime();
        TrainAndEvaluate.Result during = null;
        if (evaluateDuring) {
            EvalSpec evalSpec = EvalSpec.builder(config.evalInput())
                    .everySteps(config.evalEverySteps())
                    .bestMetric(config.bestMetric(), config.bestMetricHigherIsBetter())
                    .exportDir(config.exportDir())
                    .build();
            during = TrainAndEvaluate.run(
                    model,
                    TrainSpec.builder(config.trainInput())
                            .steps(config.steps())
                            .callbacks(callbacks)
                            .build(),
                    evalSpec,
                    e -> console.println(json ? err : out, evaluationLine(config.bestMetric(), e)));
        } else {
            model.train(config.trainInput(), config.steps(), callbacks);
        }
        boolean interrupted = stop.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = model.globalStep();
        EvalResult eval = during != null
                ? last(during)
                : interrupted || noEval || !config.hasEvalData() ? null : model.evaluate(config.evalInput());
        if (during == null) {
            recording.evaluated(eval);
        }
        if (interrupted) {
            recording.interrupted(
                    during,
                    after > before
                            ? "interrupted (Ctrl-C) at global step " + after + "; its checkpoint was saved"
                            : "interrupted (Ctrl-C) before the first step");
        } else {
            recording.finished(during);
        }
        if (json) {
            ObjectNode summary = MAPPER.createObjectNode();
            summary.put("model_dir", config.runConfig().modelDir().toString());
            summary.put("global_step", after);
            summary.put("steps_trained", after - before);
            summary.put("seconds", seconds);
            summary.put("interrupted", interrupted);
            if (recording.runId() != null) {
                summary.put("run_id", recording.runId());
                summary.put("store", recording.storeUrl());
            }
            if (eval != null) {
                summary.set("metrics", MAPPER.valueToTree(eval.metrics()));
            }
            if (during != null) {
                addEvaluations(summary, config, during);
            }
            out.println(summary);
        } else {
            out.printf(
                    Locale.ROOT,
                    "trained %,d steps (global step %,d) in %.1f s; model_dir %s%n",
                    after - before,
                    after,
                    seconds,
                    config.runConfig().modelDir());
            if (eval != null) {
                EvaluateCommand.printMetrics(out, eval);
            }
            if (during != null && during.best() != null) {
                out.printf(
                        Locale.ROOT,
                        "best export: %s (%s %.6f at global step %,d)%n",
                        during.bestExport(),
                        config.bestMetric(),
                        during.best().metric(config.bestMetric()),
                        during.best().globalStep());
            }
            if (recording.describe() != null && !interrupted) {
                out.println("recorded " + recording.describe());
            }
        }
        out.flush();
        if (interrupted) {
            String run = recording.describe() == null ? "" : "; " + recording.describe() + " is marked KILLED";
            if (after > before) {
                err.printf(
                        Locale.ROOT,
                        "interrupted (Ctrl-C) at global step %,d: its checkpoint is saved in %s%s%n",
                        after,
                        config.runConfig().modelDir(),
                        run);
            } else {
                err.printf(
                        Locale.ROOT,
                        "interrupted (Ctrl-C) before the first step: nothing trained%s%s%n",
                        before > 0 ? "; model_dir keeps the checkpoint of global step " + before : "",
                        run);
            }
            err.flush();
            return EXIT_INTERRUPTED;
        }
        return 0;
    }

    private static EvalResult last(TrainAndEvaluate.Result r) {
        return r.evaluations().isEmpty()
                ? null
                : r.evaluations().get(r.evaluations().size() - 1).result();
    }

    /** {@code evaluation at step 1,000: auc 0.912345 (best so far; exported DIR)}. */
    private static String evaluationLine(String metric, TrainAndEvaluate.Evaluation e) {
        return String.format(
                Locale.ROOT,
                "evaluation at step %,d: %s %.6f%s",
                e.globalStep(),
                metric,
                e.result().metric(metric),
                e.newBest() ? " (best so far; exported " + e.export() + ")" : "");
    }

    /** {@code evaluations} (step, metrics, whether it was a new best), {@code best} and {@code best_export}. */
    private static void addEvaluations(ObjectNode summary, ExperimentConfig config, TrainAndEvaluate.Result r) {
        ArrayNode evaluations = summary.putArray("evaluations");
        for (TrainAndEvaluate.Evaluation e : r.evaluations()) {
            ObjectNode item = evaluations.addObject();
            item.put("global_step", e.globalStep());
            item.put("new_best", e.newBest());
            item.set("metrics", MAPPER.valueToTree(e.result().metrics()));
        }
        if (r.best() != null) {
            ObjectNode best = summary.putObject("best");
            best.put("global_step", r.best().globalStep());
            best.put("metric", config.bestMetric());
            best.put("higher_is_better", config.bestMetricHigherIsBetter());
            best.put("value", r.best().metric(config.bestMetric()));
            summary.put("best_export", r.bestExport().toString());
        }
    }
}
