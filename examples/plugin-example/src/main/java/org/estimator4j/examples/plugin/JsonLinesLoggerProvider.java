package org.estimator4j.examples.plugin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.callback.TrainingContext;

/**
 * {@code example.jsonl_logger}: appends one JSON object per line to a file in the model directory — the loss every N
 * steps and every evaluation's metrics — for tools that tail training logs.
 */
public final class JsonLinesLoggerProvider implements CallbackProvider {
    @Override
    public String name() {
        return "example.jsonl_logger";
    }

    @Override
    public String description() {
        return "Writes the loss every N steps and each evaluation as JSON lines into the model directory";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional(
                        "filename", ParameterType.STRING, "training.jsonl", "file name inside the model directory"),
                ParameterSpec.optional("every_n_steps", ParameterType.INT, 100, "how often to log the loss"));
    }

    @Override
    public Callback create(Parameters p) {
        String filename = p.getString("filename");
        int every = p.getInt("every_n_steps");
        if (every < 1 || filename.contains("/") || filename.contains("\\")) {
            throw new IllegalArgumentException("example.jsonl_logger: every_n_steps must be > 0 and filename a "
                    + "plain file name, got " + every + ", '" + filename + "'");
        }
        return new Callback() {
            private BufferedWriter out;

            @Override
            public void onTrainBegin(TrainingContext context) {
                try {
                    out = Files.newBufferedWriter(
                            context.modelDir().resolve(filename),
                            StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open " + filename + " in " + context.modelDir(), e);
                }
            }

            @Override
            public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
                if (step % every == 0) {
                    write(String.format(Locale.ROOT, "{\"step\": %d, \"loss\": %s}", step, number(logs.get("loss"))));
                }
            }

            @Override
            public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
                StringBuilder line =
                        new StringBuilder("{\"step\": ").append(step).append(", \"evaluation\": {");
                String sep = "";
                for (Map.Entry<String, Double> m : new java.util.TreeMap<>(metrics).entrySet()) {
                    line.append(sep)
                            .append('"')
                            .append(m.getKey().replace("\"", "\\\""))
                            .append("\": ")
                            .append(number(m.getValue()));
                    sep = ", ";
                }
                write(line.append("}}").toString());
            }

            @Override
            public void onTrainEnd(TrainingContext context) {
                try {
                    if (out != null) {
                        out.close();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private void write(String line) {
                try {
                    out.write(line);
                    out.newLine();
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + filename, e);
                }
            }
        };
    }

    private static String number(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? "null" : Double.toString(d);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
