package org.estimator4j.cli.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.estimator4j.api.csv.BadRowPolicy;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code e4j data inspect FILE...}: reads CSV files with the same options an input function would use and prints the
 * resolved schema, per-column statistics, the first rows, and how fast they were read. The quickest way to check that
 * types, missing-value tokens and delimiters are what you meant before training on the data.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Read CSV files as the input pipeline would and print schema, statistics and the first rows.")
public final class InspectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files (plain or .gz), read in order.")
    List<Path> files;

    @Option(names = "--delimiter", defaultValue = ",", description = "Field delimiter (default: ${DEFAULT-VALUE}).")
    char delimiter;

    @Option(names = "--no-header", description = "The files have no header line; give --names.")
    boolean noHeader;

    @Option(names = "--names", split = ",", description = "Column names, comma-separated.")
    List<String> names;

    @Option(
            names = "--na",
            split = ",",
            defaultValue = "",
            description = "Missing-value tokens, comma-separated " + "(default: the empty field).")
    List<String> naTokens;

    @Option(names = "--trim", description = "Trim spaces around unquoted fields.")
    boolean trim;

    @Option(names = "--skip-lines", defaultValue = "0", description = "Lines to skip at the start of each file.")
    int skipLines;

    @Option(names = "--skip-bad-rows", description = "Skip and count rows that do not parse instead of failing.")
    boolean skipBadRows;

    @Option(names = "--threads", defaultValue = "2", description = "Parsing threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--head", defaultValue = "3", description = "Rows to print (default: ${DEFAULT-VALUE}).")
    int head;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        CsvOptions.Builder b = CsvOptions.builder()
                .files(files)
                .delimiter(delimiter)
                .header(!noHeader)
                .naTokens(naTokens.toArray(String[]::new))
                .trimWhitespace(trim)
                .skipLines(skipLines)
                .parallelism(threads)
                .badRows(skipBadRows ? BadRowPolicy.SKIP : BadRowPolicy.FAIL);
        long[] skipped = new long[1];
        if (skipBadRows) {
            b.onBadRow(e -> skipped[0]++);
        }
        if (names != null) {
            b.columnNames(names);
        }
        long start = System.nanoTime();
        try (Dataset<Example> rows = Dataset.fromCsv(b.build())) {
            List<ColumnSummary> summaries = new ArrayList<>();
            List<Example> first = new ArrayList<>();
            Schema schema = null;
            long count = 0;
            for (Batch batch : rows.batch(4096, false, Batch::of)) {
                if (schema == null) {
                    schema = batch.schema();
                    for (Field f : schema.fields()) {
                        summaries.add(new ColumnSummary(f));
                    }
                }
                for (int i = 0; i < schema.size(); i++) {
                    summaries.get(i).add(batch.column(i));
                }
                for (int r = 0; r < batch.numRows() && first.size() < head; r++) {
                    first.add(batch.row(r));
                }
                count += batch.numRows();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "%s: %,d rows%s, read in %.2f s (%,.0f rows/s)%n",
                    files.size() == 1 ? files.get(0) : files.size() + " files",
                    count,
                    skipBadRows ? String.format(Locale.ROOT, " (%,d bad rows skipped)", skipped[0]) : "",
                    seconds,
                    count / Math.max(seconds, 1e-9));
            if (schema == null) {
                out.println("no rows");
                return 0;
            }
            out.println("columns:");
            summaries.forEach(s -> out.println(s.line()));
            out.println("first rows:");
            first.forEach(r -> out.println("  " + r));
            return 0;
        }
    }
}
