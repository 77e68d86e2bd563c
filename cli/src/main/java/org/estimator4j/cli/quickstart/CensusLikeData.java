package org.estimator4j.cli.quickstart;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A seeded, census-like data set whose label really depends on the features: main effects of education, age (rising
 * then falling), hours worked and marital status, plus an education × occupation interaction that crossed columns
 * can learn and a smooth age × hours interaction that only a deep model can (bucketized age and hours, each on its
 * own, cannot express a product), so wide and deep beats linear. Synthetic: no real person is in it.
 */
final class CensusLikeData {
    static final String[] EDUCATION = {
        "Preschool",
        "1st-4th",
        "5th-6th",
        "7th-8th",
        "9th",
        "10th",
        "11th",
        "12th",
        "HS-grad",
        "Some-college",
        "Assoc-voc",
        "Assoc-acdm",
        "Bachelors",
        "Masters",
        "Prof-school",
        "Doctorate"
    };
    static final String[] OCCUPATION = {
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
        "Armed-Forces"
    };
    static final String[] MARITAL = {"Married-civ-spouse", "Divorced", "Never-married", "Separated", "Widowed"};
    static final String[] WORKCLASS = {
        "Private", "Self-emp-not-inc", "Self-emp-inc", "Federal-gov", "Local-gov", "State-gov"
    };

    private CensusLikeData() {}

    /** Writes {@code rows} rows with a header to {@code file}. */
    static void write(Path file, int rows, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        // A fixed, seeded effect for every education x occupation pair: the interaction a cross can learn.
        SplittableRandom effects = new SplittableRandom(7);
        double[][] interaction = new double[EDUCATION.length][OCCUPATION.length];
        for (double[] row : interaction) {
            for (int j = 0; j < row.length; j++) {
                row[j] = effects.nextDouble() < 0.15 ? (effects.nextBoolean() ? 1.6 : -1.6) : 0;
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("age,workclass,education,marital_status,occupation,hours_per_week,income_bracket\n");
            for (int i = 0; i < rows; i++) {
                int age = 18 + r.nextInt(62);
                int education = Math.min(EDUCATION.length - 1, Math.max(0, (int) Math.round(9 + 3 * r.nextGaussian())));
                int occupation = r.nextInt(OCCUPATION.length);
                int marital = r.nextInt(MARITAL.length);
                int workclass = r.nextInt(WORKCLASS.length);
                int hours = Math.max(5, Math.min(90, (int) Math.round(40 + 12 * r.nextGaussian())));
                double ageEffect = -Math.pow((age - 50) / 15.0, 2);
                double z = -0.6
                        + 0.35 * (education - 9)
                        + 1.2 * ageEffect
                        + 0.04 * (hours - 40)
                        + (marital == 0 ? 1.3 : 0)
                        + interaction[education][occupation]
                        + 1.8 * Math.tanh((age - 40) / 8.0) * Math.tanh((hours - 45) / 8.0);
                boolean high = r.nextDouble() < 1 / (1 + Math.exp(-z));
                w.write(age + "," + WORKCLASS[workclass] + "," + EDUCATION[education] + "," + MARITAL[marital] + ","
                        + OCCUPATION[occupation] + "," + hours + "," + (high ? ">50K" : "<=50K") + "\n");
            }
        }
    }
}
