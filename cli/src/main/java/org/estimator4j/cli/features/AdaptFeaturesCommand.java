package org.estimator4j.cli.features;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.json.JsonLinesOptions;
import org.estimator4j.api.table.Batch;
import org.estimator4j.cli.E4jException;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.cli.plugins.PluginRegistries;
import org.estimator4j.cli.train.ConfigOptions;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.adapt.FeatureColumnAdapter;
import org.estimator4j.features.json.FeatureColumnJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e4j features adapt}: learns the state of feature columns that learn from data (learned vocabularies,
 * normalizers, quantile buckets) in one pass, and writes the adapted columns as a JSON array that
 * {@code features inspect} and configs read. Either {@code --columns C --input ROWS} (JSON lines, or CSV with a header
 * for {@code .csv} / {@code .csv.gz}), or {@code --config X}: the state the config's model uses (kept in its
 * model_dir once trained, else learned from its train files, as {@code e4j train} does).
 */
@Command(
        name = "adapt",
        mixinStandardHelpOptions = true,
        description = {
            "Learn the state of feature columns that learn from data (vocabularies, normalizers, "
                    + "quantile buckets) in one pass, and write the adapted columns as JSON.",
            "Give --columns and --input, or --config (the state e4j train uses for that config)."
        })
public final class AdaptFeaturesCommand implements Callable<Integer> {
    private static final int BATCH_SIZE = 4096;

    /** The two ways to name the columns and the data. */
    static final class Source {
        @ArgGroup(exclusive = false)
        ColumnsAndRows files;

        @ArgGroup(exclusive = false)
        FromConfig config;
    }

    /** {@code --columns C --input ROWS}. */
    static final class ColumnsAndRows {
        @Option(
                names = "--columns",
                required = true,
                paramLabel = "COLUMNS.json",
                description = "Feature columns: a JSON array of {\"class_name\": ..., \"config\": {...}} objects.")
        Path columns;

        @Option(
                names = "--input",
                required = true,
                paramLabel = "ROWS",
                description = "Rows to learn from: JSON lines, or CSV with a header (.csv, .csv.gz).")
        Path input;
    }

    /** {@code --config X [--set ...] [--plugins DIR]}. */
    static final class FromConfig {
        @Option(
                names = "--config",
                required = true,
                paramLabel = "FILE",
                description = "An experiment config: its feature columns, learned from its train files.")
        Path config;

        @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Overrides a config value (repeatable).")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin jars.")
        Path plugins;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the adapted columns (JSON); default: standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @Inject
    PluginRegistries registries;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<FeatureColumn> adapted;
        if (source.config != null) {
            ExperimentConfig config = ConfigOptions.load(
                    source.config.config, source.config.overrides, source.config.plugins, registries);
            if (config.columnStateNote() != null) {
                err.println(config.columnStateNote());
            }
            adapted = config.featureColumns().stream().distinct().toList();
        } else {
            adapted = adapt(source.files.columns, source.files.input, err);
        }
        String json = FeatureColumnJson.write(adapted) + "\n";
        if (out == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            write(json, out);
            err.println("wrote " + adapted.size() + " columns to " + out);
        }
        return 0;
    }

    private static List<FeatureColumn> adapt(Path columnsFile, Path input, PrintWriter err) {
        List<FeatureColumn> columns;
        try {
            columns = FeatureColumnJson.read(columnsFile);
        } catch (FeatureColumnException e) {
            throw new E4jException(e.getMessage(), "fix the column configs in " + columnsFile);
        }
        long start = System.nanoTime();
        long[] rows = {0};
        try (Dataset<Batch> batches = rows(input).map(b -> {
            rows[0] += b.numRows();
            return b;
        })) {
            List<FeatureColumn> adapted = FeatureColumnAdapter.adapt(columns, batches);
            err.printf(
                    Locale.ROOT,
                    "adapted in one pass over %,d rows of %s (%.1f s)%n",
                    rows[0],
                    input,
                    (System.nanoTime() - start) / 1e9);
            return adapted;
        } catch (DataFormatException e) {
            throw new E4jException(e.getMessage(), "fix that line of " + input);
        } catch (FeatureColumnException e) {
            throw new E4jException(
                    e.getMessage(),
                    "check that " + input + " has the raw features the columns in " + columnsFile + " read");
        } catch (UncheckedIOException e) {
            throw new E4jException("cannot read --input " + e.getCause().getMessage(), "check the --input path");
        }
    }

    /** JSON lines, or CSV with a header for .csv / .csv.gz files. */
    private static Dataset<Batch> rows(Path input) {
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        var examples = name.endsWith(".csv") || name.endsWith(".csv.gz")
                ? Dataset.fromCsv(CsvOptions.builder().file(input).build())
                : Dataset.fromJsonLines(JsonLinesOptions.builder().file(input).build());
        return examples.batch(BATCH_SIZE, false, Batch::of);
    }

    /** Writes {@code text} to {@code file} through a temp file in its folder, so a failure leaves no half file. */
    private static void write(String text, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial");
            try {
                Files.writeString(temp, text);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new E4jException(
                    "cannot write " + file + ": " + e.getMessage(), "check that its folder exists and is writable");
        }
    }
}
