package org.estimator4j.bench.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a CSV shaped like UCI Adult (the 15 columns of TensorFlow's census tutorial, header included, categorical
 * values from adult.names, numbers in Adult's ranges, a few "?" missing values) of a requested size. Seeded, so the
 * same size gives the same file; nothing here depends on the real data set.
 */
public final class AdultShapedCsv {
    public static final List<String> COLUMNS = List.of(
            "age",
            "workclass",
            "fnlwgt",
            "education",
            "education_num",
            "marital_status",
            "occupation",
            "relationship",
            "race",
            "gender",
            "capital_gain",
            "capital_loss",
            "hours_per_week",
            "native_country",
            "income_bracket");

    private static final String[] WORKCLASS = {
        "Private",
        "Self-emp-not-inc",
        "Self-emp-inc",
        "Federal-gov",
        "Local-gov",
        "State-gov",
        "Without-pay",
        "Never-worked",
        "?"
    };
    private static final String[] EDUCATION = {
        "Bachelors",
        "Some-college",
        "11th",
        "HS-grad",
        "Prof-school",
        "Assoc-acdm",
        "Assoc-voc",
        "9th",
        "7th-8th",
        "12th",
        "Masters",
        "1st-4th",
        "10th",
        "Doctorate",
        "5th-6th",
        "Preschool"
    };
    private static final String[] MARITAL = {
        "Married-civ-spouse",
        "Divorced",
        "Never-married",
        "Separated",
        "Widowed",
        "Married-spouse-absent",
        "Married-AF-spouse"
    };
    private static final String[] OCCUPATION = {
        "Tech-support",
        "Craft-repair",
        "Other-service",
        "Sales",
        "Exec-managerial",
        "Prof-specialty",
        "Handlers-cleaners",
        "Machine-op-inspct",
        "Adm-clerical",
        "Farming-fishing",
        "Transport-moving",
        "Priv-house-serv",
        "Protective-serv",
        "Armed-Forces",
        "?"
    };
    private static final String[] RELATIONSHIP = {
        "Wife", "Own-child", "Husband", "Not-in-family", "Other-relative", "Unmarried"
    };
    private static final String[] RACE = {"White", "Asian-Pac-Islander", "Amer-Indian-Eskimo", "Other", "Black"};
    private static final String[] GENDER = {"Female", "Male"};
    private static final String[] COUNTRY = {
        "United-States",
        "Cambodia",
        "England",
        "Puerto-Rico",
        "Canada",
        "Germany",
        "Outlying-US(Guam-USVI-etc)",
        "India",
        "Japan",
        "Greece",
        "South",
        "China",
        "Cuba",
        "Iran",
        "Honduras",
        "Philippines",
        "Italy",
        "Poland",
        "Jamaica",
        "Vietnam",
        "Mexico",
        "Portugal",
        "Ireland",
        "France",
        "Dominican-Republic",
        "Laos",
        "Ecuador",
        "Taiwan",
        "Haiti",
        "Columbia",
        "Hungary",
        "Guatemala",
        "Nicaragua",
        "Scotland",
        "Thailand",
        "Yugoslavia",
        "El-Salvador",
        "Trinadad&Tobago",
        "Peru",
        "Hong",
        "Holand-Netherlands",
        "?"
    };
    private static final String[] INCOME = {"<=50K", ">50K"};

    private AdultShapedCsv() {}

    /** Writes at least {@code bytes} bytes of rows to {@code file}; returns the number of rows. */
    public static long write(Path file, long bytes, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        long rows = 0;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter w = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
            String header = String.join(",", COLUMNS) + "\n";
            w.write(header);
            long written = header.length();
            StringBuilder sb = new StringBuilder(160);
            while (written < bytes) {
                sb.setLength(0);
                sb.append(17 + r.nextInt(74))
                        .append(',')
                        .append(pick(r, WORKCLASS, 0.70))
                        .append(',')
                        .append(12_285 + r.nextInt(1_472_000))
                        .append(',')
                        .append(pick(r, EDUCATION, 0.32))
                        .append(',')
                        .append(1 + r.nextInt(16))
                        .append(',')
                        .append(pick(r, MARITAL, 0.46))
                        .append(',')
                        .append(pick(r, OCCUPATION, 0.0))
                        .append(',')
                        .append(pick(r, RELATIONSHIP, 0.0))
                        .append(',')
                        .append(pick(r, RACE, 0.85))
                        .append(',')
                        .append(pick(r, GENDER, 0.0))
                        .append(',')
                        .append(r.nextInt(10) == 0 ? r.nextInt(99_999) : 0)
                        .append(',')
                        .append(r.nextInt(20) == 0 ? r.nextInt(4_356) : 0)
                        .append(',')
                        .append(1 + r.nextInt(99))
                        .append(',')
                        .append(pick(r, COUNTRY, 0.90))
                        .append(',')
                        .append(INCOME[r.nextInt(4) == 0 ? 1 : 0])
                        .append('\n');
                w.append(sb);
                written += sb.length();
                rows++;
            }
        }
        return rows;
    }

    /** The first value with probability {@code head}, else any value uniformly. */
    private static String pick(SplittableRandom r, String[] values, double head) {
        return r.nextDouble() < head ? values[0] : values[r.nextInt(values.length)];
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: AdultShapedCsv FILE MEGABYTES [SEED]");
            System.exit(2);
        }
        long rows =
                write(Path.of(args[0]), Long.parseLong(args[1]) << 20, args.length > 2 ? Long.parseLong(args[2]) : 42);
        System.out.println("wrote " + rows + " rows to " + args[0]);
    }
}
