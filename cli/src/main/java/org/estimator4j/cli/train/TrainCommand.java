package org.estimator4j.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.cli.config.RunLabels;
import org.estimator4j.estimators.EvalSpec;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.TrainAndEvaluate;
import org.estimator4j.estimators.TrainSpec;
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
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the experiment's estimator (resumes from the model directory), then evaluate it.",
                "With train.eval_every_steps, evaluate every N steps and export the best model to "
                        + "<export_dir>/best/."})
public final class TrainCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Mixin
    ConfigOptions options;

    @Option(names = "--no-eval",
            description = "Skip evaluation: after training, and during it with train.eval_every_steps.")
    boolean noEval;

    @Option(names = "--store", paramLabel = "URL",
            description = "Experiment store to record the run in: a JDBC URL or a path (default: the config's store, "
                    + "else $E4J_STORE, else ~/.estimator4j/store/e4j).")
    String store;

    @Option(names = "--no-store", description = "Do not record this run in the experiment store.")
    boolean noStore;

    @Option(names = "--run-name", paramLabel = "NAME",
            description = "Name of the recorded run (overrides the config's run.name; need not be unique).")
    String runName;

    @Option(names = "--tag", paramLabel = "KEY=VALUE",
            description = "Tag the recorded run (repeatable; over the config's run.tags with the same key).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        if (config.columnStateNote() != null) {
            spec.commandLine().getErr().println(config.columnStateNote());
        }
        RunLabels labels = config.runLabels().overriddenBy(runName, tags);
        RunRecording recording = noStore ? RunRecording.disabled(config) : RunRecording.start(config, labels, store,
                options.plugins, spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getErr());
        try {
            return train(config, recording);
        } catch (RuntimeException | Error e) {
            recording.failed(e);
            throw e;
        } finally {
            recording.close();
        }
    }

    private Integer train(ExperimentConfig config, RunRecording recording) {
        ModelEstimator model = config.estimator();
        PrintWriter out = spec.commandLine().getOut();
        boolean json = options.format == ConfigOptions.Format.json;
        boolean evaluateDuring = config.evalEverySteps() != null && config.hasEvalData() && !noEval;
        if (config.evalEverySteps() != null && !config.hasEvalData()) {
            spec.commandLine().getErr().println("note: train.eval_every_steps is ignored: the config has no "
                    + "data.eval_files to evaluate on");
        }
        long before = model.globalStep();
        long start = System.nanoTime();
        TrainAndEvaluate.Result during = null;
        if (evaluateDuring) {
            EvalSpec evalSpec = EvalSpec.builder(config.evalInput()).everySteps(config.evalEverySteps())
                    .bestMetric(config.bestMetric(), config.bestMetricHigherIsBetter())
                    .exportDir(config.exportDir()).build();
            during = TrainAndEvaluate.run(model, TrainSpec.builder(config.trainInput()).steps(config.steps())
                    .callbacks(recording.callbacks(config.callbacks())).build(),
                    evalSpec, e -> {
                        if (!json) {
                            printProgress(out, config.bestMetric(), e);
                        }
                    });
        } else {
            model.train(config.trainInput(), config.steps(), recording.callbacks(config.callbacks()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = model.globalStep();
        EvalResult eval = during != null ? last(during)
                : noEval || !config.hasEvalData() ? null : model.evaluate(config.evalInput(), null);
        if (during == null) {
            recording.evaluated(eval);
        }
        recording.finished(during);
        if (json) {
            ObjectNode summary = MAPPER.createObjectNode();
            summary.put("model_dir", config.runConfig().modelDir().toString());
            summary.put("global_step", after);
            summary.put("steps_trained", after - before);
            summary.put("seconds", seconds);
            if (recording.runId() != null) {
                summary.put("run_id", recording.runId());
            }
            if (eval != null) {
                summary.set("metrics", MAPPER.valueToTree(eval.metrics()));
            }
            if (during != null) {
                addEvaluations(summary, config, during);
            }
            out.println(summary);
        } else {
            out.printf(Locale.ROOT, "trained %,d steps (global step %,d) in %.1f s; model_dir %s%n", after - before,
                    after, seconds, config.runConfig().modelDir());
            if (eval != null) {
                EvaluateCommand.printMetrics(out, eval);
            }
            if (during != null && during.best() != null) {
                out.printf(Locale.ROOT, "best export: %s (%s %.6f at global step %,d)%n", during.bestExport(),
                        config.bestMetric(), during.best().metric(config.bestMetric()), during.best().globalStep());
            }
        }
        return 0;
    }

    private static EvalResult last(TrainAndEvaluate.Result r) {
        return r.evaluations().isEmpty() ? null : r.evaluations().get(r.evaluations().size() - 1).result();
    }

    private static void printProgress(PrintWriter out, String metric, TrainAndEvaluate.Evaluation e) {
        out.printf(Locale.ROOT, "step %,d: %s %.6f%s%n", e.globalStep(), metric, e.result().metric(metric),
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
