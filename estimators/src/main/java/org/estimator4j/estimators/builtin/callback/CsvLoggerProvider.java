package org.estimator4j.estimators.builtin.callback;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.callback.TrainingContext;

/**
 * {@code csv_logger}: Keras' {@code CSVLogger} for a step-counting loop. One file ({@code filename}, relative to the
 * model directory) with the columns {@code step}, {@code loss}, {@code learning_rate_multiplier} and then one per
 * evaluation metric, prefixed {@code val_} as Keras names validation metrics ({@code val_loss}, {@code val_auc}, ...).
 *
 * <p>Every {@code every_n_steps} global steps a training row gives the mean training loss of the steps since the
 * previous training row (Keras logs each epoch's mean loss) and the current multiplier; every evaluation adds a row
 * with its metrics and an empty {@code loss}. The header is written when the file is created; an evaluation that
 * brings metrics the header lacks (the first one does) rewrites the file once with the wider header, earlier rows
 * padded with empty cells. Each row is appended and flushed as it happens, so a killed run keeps its log.
 *
 * <p>{@code append} false (Keras' default) starts the file over at every {@code train} call, which for a resumed run
 * loses the earlier run's rows; set it to true to keep them.
 */
public final class CsvLoggerProvider implements CallbackProvider {
    static final String NAME = "csv_logger";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Writes the training loss every N steps and every evaluation's metrics to a CSV file in the model "
                + "directory, as Keras' CSVLogger";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional(
                        "filename",
                        ParameterType.STRING,
                        "training_log.csv",
                        "the file, relative to the model directory"),
                ParameterSpec.optional("separator", ParameterType.STRING, ",", "the column separator"),
                ParameterSpec.optional(
                        "append",
                        ParameterType.BOOLEAN,
                        false,
                        "keep the rows of earlier train calls instead of starting the file over"),
                ParameterSpec.optional(
                        "every_n_steps", ParameterType.INT, 100, "write a training row every this many global steps"));
    }

    @Override
    public Callback create(Parameters parameters) {
        String filename = parameters.getString("filename");
        if (filename.isBlank()) {
            throw new IllegalArgumentException(NAME + ": filename is empty; name a file such as training_log.csv");
        }
        String separator = parameters.getString("separator");
        if (separator.length() != 1 || separator.equals("\"") || separator.equals("\n") || separator.equals("\r")) {
            throw new IllegalArgumentException(NAME + ": separator must be one character other than a quote or a line "
                    + "break, got '" + separator + "'");
        }
        return new CsvLogger(
                filename,
                separator.charAt(0),
                parameters.getBoolean("append"),
                Callbacks.positive(NAME, "every_n_steps", parameters.getInt("every_n_steps")));
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    static final class CsvLogger implements Callback {
        private static final List<String> FIXED = List.of("step", "loss", "learning_rate_multiplier");
        private final String filename;
        private final char separator;
        private final boolean append;
        private final int every;
        private Path file;
        private List<String> columns;
        private double lossSum;
        private int lossCount;

        CsvLogger(String filename, char separator, boolean append, int every) {
            this.filename = filename;
            this.separator = separator;
            this.append = append;
            this.every = every;
        }

        @Override
        public void onTrainBegin(TrainingContext context) {
            file = context.modelDir().resolve(filename);
            lossSum = 0;
            lossCount = 0;
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                if (append && Files.isRegularFile(file) && Files.size(file) > 0) {
                    columns = new ArrayList<>(parse(
                            Files.readAllLines(file, StandardCharsets.UTF_8).get(0)));
                } else {
                    columns = new ArrayList<>(FIXED);
                    Files.writeString(file, line(columns), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
            Double loss = logs.get("loss");
            if (loss != null) {
                lossSum += loss;
                lossCount++;
            }
            if (step % every == 0) {
                Map<String, String> row = new HashMap<>();
                row.put("step", Long.toString(step));
                row.put("loss", lossCount == 0 ? "" : number(lossSum / lossCount));
                row.put("learning_rate_multiplier", number(context.learningRateMultiplier()));
                write(row);
                lossSum = 0;
                lossCount = 0;
            }
        }

        @Override
        public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
            Map<String, String> row = new HashMap<>();
            row.put("step", Long.toString(step));
            row.put("learning_rate_multiplier", number(context.learningRateMultiplier()));
            List<String> added = new ArrayList<>();
            for (String name : new TreeSet<>(metrics.keySet())) {
                String column = "val_" + name;
                row.put(column, number(metrics.get(name)));
                if (!columns.contains(column)) {
                    added.add(column);
                }
            }
            if (!added.isEmpty()) {
                widen(added);
            }
            write(row);
        }

        private static String number(Double d) {
            return d == null ? "" : Double.toString(d);
        }

        private void write(Map<String, String> row) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String c : columns) {
                cells.add(row.getOrDefault(c, ""));
            }
            try {
                Files.writeString(
                        file,
                        line(cells),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        /** Rewrites the file with {@code added} columns at the end of the header and empty cells in earlier rows. */
        private void widen(List<String> added) {
            try {
                List<String> lines =
                        Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
                columns.addAll(added);
                StringBuilder text = new StringBuilder(line(columns));
                String padding = String.valueOf(separator).repeat(added.size());
                for (int i = 1; i < lines.size(); i++) {
                    text.append(lines.get(i)).append(padding).append('\n');
                }
                AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
            }
        }

        /** One record, quoted where a cell needs it (FastCSV's rules: separator, quote or line break inside). */
        private String line(List<String> cells) {
            StringWriter text = new StringWriter();
            try (CsvWriter csv = CsvWriter.builder()
                    .fieldSeparator(separator)
                    .lineDelimiter(LineDelimiter.LF)
                    .build(text)) {
                csv.writeRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does not fail
            }
            return text.toString();
        }

        /** The cells of a header line this logger wrote (quoted cells included). */
        private List<String> parse(String header) {
            List<String> cells;
            try (CsvReader<CsvRecord> reader =
                    CsvReader.builder().fieldSeparator(separator).ofCsvRecord(header)) {
                cells = reader.stream().findFirst().map(CsvRecord::getFields).orElse(List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a String source does not fail
            }
            if (!cells.containsAll(FIXED)) {
                throw new IllegalStateException(file + " does not start with a csv_logger header " + FIXED + " (its "
                        + "first line is '" + header + "'): set append to false to start it over, or log to another "
                        + "filename");
            }
            return cells;
        }
    }
}
