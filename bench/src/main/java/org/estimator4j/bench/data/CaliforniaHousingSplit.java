package org.estimator4j.bench.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Splits the California housing data ({@code ../shared/data/california_housing/housing.csv}, one file) into fixed train
 * and eval files for {@code examples/california/dnn_regressor.json}, and prints the normalizer constants of the train
 * part that the config's numeric columns carry. An experiment config reads whole files (no skip / take of rows), so
 * the split has to exist as files; it is regenerated identically by this command.
 *
 * <ul>
 *   <li>The file is in geographical blocks (it starts with the Bay Area), so a head / tail split would train and
 *       evaluate on different regions: the rows are shuffled with a fixed seed first (Fisher-Yates, SplittableRandom),
 *       then the first 80% go to {@code train.csv} and the rest to {@code eval.csv}, each row written unchanged
 *       except for the label.
 *   <li>The label {@code median_house_value} (15,000 to 500,001 dollars) is written divided by {@code --label-scale}
 *       (100,000 by default) under the name {@code median_house_value_100k}: squared errors of raw dollar values
 *       (~10^10) are far outside what the DNN optimizers' default learning rates can fit, and renaming the column
 *       makes a config meant for scaled labels fail on the raw file instead of silently predicting 10^5 times too
 *       little. Metrics such as RMSE come out in the same unit (multiply by 100,000 for dollars).
 *   <li>Means and population standard deviations are computed on the train rows only, so nothing about the eval rows
 *       leaks into the model; {@code total_bedrooms}'s 207 empty fields are left empty (the column's default_value, its
 *       train mean, fills them) and do not count in its statistics.
 * </ul>
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.data.CaliforniaHousingSplit \
 *     --file ../shared/data/california_housing/housing.csv --out target/data/california --seed 42 --train 0.8
 * </pre>
 */
public final class CaliforniaHousingSplit {
    private static final String LABEL = "median_house_value";

    private CaliforniaHousingSplit() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of("../shared/data/california_housing/housing.csv");
        Path out = Path.of("target/data/california");
        long seed = 42;
        double trainFraction = 0.8;
        long labelScale = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--train" -> trainFraction = Double.parseDouble(args[++i]);
                case "--label-scale" -> labelScale = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --file F --out DIR --seed N "
                            + "--train 0.8 --label-scale 100000");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(file)) {
            System.out.println("no " + file.toAbsolutePath().normalize() + ": the shared data folder is absent, "
                    + "nothing to split (give the file with --file F)");
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        int label = Arrays.asList(header).indexOf(LABEL);
        if (label < 0) {
            throw new IllegalArgumentException(file + " has no column " + LABEL + ": " + lines.get(0));
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                rows.add(line.split(",", -1));
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String[] t = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, t);
        }
        int trainRows = (int) Math.round(rows.size() * trainFraction);
        String labelName = labelScale == 1 ? LABEL : LABEL + "_" + suffix(labelScale);
        String[] outHeader = header.clone();
        outHeader[label] = labelName;
        Files.createDirectories(out);
        write(out.resolve("train.csv"), outHeader, rows.subList(0, trainRows), label, labelScale);
        write(out.resolve("eval.csv"), outHeader, rows.subList(trainRows, rows.size()), label, labelScale);
        System.out.printf(
                Locale.ROOT,
                "%s: %,d rows, seed %d → %s/train.csv (%,d rows), %s/eval.csv (%,d rows); " + "label %s = %s / %,d%n",
                file,
                rows.size(),
                seed,
                out,
                trainRows,
                out,
                rows.size() - trainRows,
                labelName,
                LABEL,
                labelScale);

        System.out.println("Train-split statistics (population stddev; missing fields skipped):");
        for (int c = 0; c < header.length; c++) {
            if (c == label) {
                continue;
            }
            double sum = 0;
            double squares = 0;
            long n = 0;
            long missing = 0;
            boolean numeric = true;
            for (String[] r : rows.subList(0, trainRows)) {
                if (r[c].isEmpty()) {
                    missing++;
                    continue;
                }
                try {
                    double v = Double.parseDouble(r[c]);
                    sum += v;
                    squares += v * v;
                    n++;
                } catch (NumberFormatException e) {
                    numeric = false;
                    break;
                }
            }
            if (!numeric) {
                System.out.printf(Locale.ROOT, "  %s: categorical%n", header[c]);
                continue;
            }
            double mean = sum / n;
            double stddev = Math.sqrt(Math.max(0, squares / n - mean * mean));
            System.out.printf(
                    Locale.ROOT,
                    "  %s: n %d, missing %d, \"default_value\": %s, \"normalizer\": {\"kind\": "
                            + "\"standardize\", \"mean\": %s, \"stddev\": %s, \"learned\": false}%n",
                    header[c],
                    n,
                    missing,
                    round(mean),
                    round(mean),
                    round(stddev));
        }
    }

    private static String suffix(long scale) {
        return scale % 1000 == 0 ? scale / 1000 + "k" : Long.toString(scale);
    }

    /** Six significant digits: plenty for a normalizer, short enough to read in a config. */
    private static String round(double v) {
        return new BigDecimal(v)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static void write(Path file, String[] header, List<String[]> rows, int label, long scale)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.write('\n');
            for (String[] r : rows) {
                String[] out = r.clone();
                out[label] = new BigDecimal(r[label])
                        .divide(BigDecimal.valueOf(scale))
                        .stripTrailingZeros()
                        .toPlainString();
                w.write(String.join(",", out));
                w.write('\n');
            }
        }
    }
}
