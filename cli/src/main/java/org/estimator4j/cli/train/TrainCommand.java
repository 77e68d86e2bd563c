package org.estimator4j.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.estimators.ModelEstimator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e4j train --config FILE}: trains the config's estimator on its train files (resuming from the latest
 * checkpoint in the model directory), then evaluates on its eval files when it has some.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the experiment's estimator (resumes from the model directory), then evaluate it.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--no-eval", description = "Skip the evaluation after training.")
    boolean noEval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        ModelEstimator model = config.estimator();
        PrintWriter out = spec.commandLine().getOut();
        long before = model.globalStep();
        long start = System.nanoTime();
        model.train(config.trainInput(), config.steps());
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = model.globalStep();
        EvalResult eval = noEval || !config.hasEvalData() ? null : model.evaluate(config.evalInput(), null);
        if (options.format == ConfigOptions.Format.json) {
            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("model_dir", config.runConfig().modelDir().toString());
            json.put("global_step", after);
            json.put("steps_trained", after - before);
            json.put("seconds", seconds);
            if (eval != null) {
                json.set("metrics", new ObjectMapper().valueToTree(eval.metrics()));
            }
            out.println(json);
        } else {
            out.printf(Locale.ROOT, "trained %,d steps (global step %,d) in %.1f s; model_dir %s%n", after - before,
                    after, seconds, config.runConfig().modelDir());
            if (eval != null) {
                EvaluateCommand.printMetrics(out, eval);
            }
        }
        return 0;
    }
}
