package org.estimator4j.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.cli.config.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code e4j evaluate --config FILE}: the latest checkpoint's metrics on the config's eval files. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Evaluate the latest checkpoint on the experiment's eval files.")
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig config = options.load();
        EvalResult eval = config.estimator().evaluate(config.evalInput());
        PrintWriter out = spec.commandLine().getOut();
        if (options.format == ConfigOptions.Format.json) {
            out.println(new ObjectMapper().writeValueAsString(eval.metrics()));
        } else {
            printMetrics(out, eval);
        }
        return 0;
    }

    static void printMetrics(PrintWriter out, EvalResult eval) {
        out.printf(Locale.ROOT, "evaluation at global step %,d:%n", eval.globalStep());
        for (Map.Entry<String, Double> m : eval.metrics().entrySet()) {
            out.printf(Locale.ROOT, "  %-22s %.6f%n", m.getKey(), m.getValue());
        }
    }
}
