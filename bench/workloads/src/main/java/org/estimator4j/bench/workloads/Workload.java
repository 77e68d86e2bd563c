package org.estimator4j.bench.workloads;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The models bench/compare.sh trains on both sides, defined once so both build the same thing: every row has
 * {@link #denseColumns} of floats and one id per {@link #idColumns} (already transformed: bucket ids, hashed ids,
 * vocabulary indices), and a 0/1 label. A linear part sums one weight per id of its {@link #wideColumns} (TensorFlow:
 * gather + segment sum); a deep part concatenates the dense values, one-hot {@link #indicatorColumns} and
 * {@link #embeddings}, then runs {@link #hiddenUnits} ReLU layers and one logit. Logits of both parts add up.
 */
public enum Workload {
    /** A 100-256-128-1 multilayer perceptron on dense inputs, Adam. */
    MLP(
            "mlp",
            List.of(new DenseColumn("x", 100)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(256, 128),
            OptimizerSpec.adam(0.001),
            null),

    /** A logistic regression over 10 hashed id columns of 100,000 buckets each (1M weights), FTRL. */
    SPARSE_LINEAR(
            "sparse-linear",
            List.of(),
            Stream.iterate(0, i -> i + 1)
                    .limit(10)
                    .map(i -> new IdColumn("c" + i, 100_000))
                    .toList(),
            Stream.iterate(0, i -> i + 1).limit(10).map(i -> "c" + i).toList(),
            List.of(),
            List.of(),
            List.of(),
            null,
            OptimizerSpec.ftrl(0.2)),

    /**
     * TensorFlow's census wide-and-deep model with the column set of examples/census/wide_deep.json, on the ids those
     * columns produce: 14 wide columns (vocabularies, hashed occupation, age buckets, two crosses, bucketized capital
     * gain / loss and hours, gender, race, native country) with FTRL at 0.005; a deep part of the 5 numerics, 4
     * indicators and an 8-dimensional occupation embedding (51 inputs) through [100, 75, 50, 25], Adagrad at 0.001.
     */
    WIDE_DEEP(
            "wide-deep",
            List.of(
                    new DenseColumn("age", 1),
                    new DenseColumn("education_num", 1),
                    new DenseColumn("capital_gain", 1),
                    new DenseColumn("capital_loss", 1),
                    new DenseColumn("hours_per_week", 1)),
            List.of(
                    new IdColumn("education", 16),
                    new IdColumn("marital_status", 7),
                    new IdColumn("relationship", 6),
                    new IdColumn("workclass", 9),
                    new IdColumn("occupation", 1000),
                    new IdColumn("age_buckets", 11),
                    new IdColumn("education_x_occupation", 1000),
                    new IdColumn("age_buckets_x_education_x_occupation", 1000),
                    new IdColumn("capital_gain_buckets", 7),
                    new IdColumn("capital_loss_buckets", 6),
                    new IdColumn("hours_per_week_buckets", 7),
                    new IdColumn("gender", 10),
                    new IdColumn("race", 20),
                    new IdColumn("native_country", 100)),
            List.of(
                    "education",
                    "marital_status",
                    "relationship",
                    "workclass",
                    "occupation",
                    "age_buckets",
                    "education_x_occupation",
                    "age_buckets_x_education_x_occupation",
                    "capital_gain_buckets",
                    "capital_loss_buckets",
                    "hours_per_week_buckets",
                    "gender",
                    "race",
                    "native_country"),
            List.of("workclass", "education", "marital_status", "relationship"),
            List.of(new Embedding("occupation", 8)),
            List.of(100, 75, 50, 25),
            OptimizerSpec.adagrad(0.001),
            OptimizerSpec.ftrl(0.005));

    /** A dense input: {@code width} floats per row. */
    public record DenseColumn(String name, int width) {}

    /** A column of one id per row in {@code [0, cardinality)}. */
    public record IdColumn(String name, int cardinality) {}

    /** A trainable embedding of an id column in the deep part. */
    public record Embedding(String column, int dimension) {}

    /** The name the command line and the results use: mlp, sparse-linear, wide-deep. */
    public final String id;

    public final List<DenseColumn> denseColumns;
    public final List<IdColumn> idColumns;
    /** Id columns of the linear part; empty for no linear part. */
    public final List<String> wideColumns;
    /** Id columns fed one-hot to the deep part. */
    public final List<String> indicatorColumns;

    public final List<Embedding> embeddings;
    /** ReLU layer sizes of the deep part; empty for no deep part. */
    public final List<Integer> hiddenUnits;

    public final OptimizerSpec deepOptimizer;
    public final OptimizerSpec wideOptimizer;

    Workload(
            String id,
            List<DenseColumn> denseColumns,
            List<IdColumn> idColumns,
            List<String> wideColumns,
            List<String> indicatorColumns,
            List<Embedding> embeddings,
            List<Integer> hiddenUnits,
            OptimizerSpec deepOptimizer,
            OptimizerSpec wideOptimizer) {
        this.id = id;
        this.denseColumns = denseColumns;
        this.idColumns = idColumns;
        this.wideColumns = wideColumns;
        this.indicatorColumns = indicatorColumns;
        this.embeddings = embeddings;
        this.hiddenUnits = hiddenUnits;
        this.deepOptimizer = deepOptimizer;
        this.wideOptimizer = wideOptimizer;
    }

    public static Workload named(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'; choose from "
                + Stream.of(values()).map(w -> w.id).collect(Collectors.joining(", ")));
    }

    public boolean hasDeepPart() {
        return !hiddenUnits.isEmpty();
    }

    public boolean hasWidePart() {
        return !wideColumns.isEmpty();
    }

    /** Floats per row of the dense inputs, in column order. */
    public int denseWidth() {
        return denseColumns.stream().mapToInt(DenseColumn::width).sum();
    }

    /** The position of an id column in a row's ids. */
    public int idIndex(String column) {
        for (int i = 0; i < idColumns.size(); i++) {
            if (idColumns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("workload " + id + " has no id column " + column);
    }

    public IdColumn idColumn(String column) {
        return idColumns.get(idIndex(column));
    }

    /** Values per row entering the first hidden layer: dense values, one-hot indicators, embeddings. */
    public int deepInputWidth() {
        return denseWidth()
                + indicatorColumns.stream()
                        .mapToInt(c -> idColumn(c).cardinality())
                        .sum()
                + embeddings.stream().mapToInt(Embedding::dimension).sum();
    }

    /**
     * Multiply-adds ×2 of the deep part's matrix products for one example's forward pass (the convention behind
     * FLOP/s figures); 0 without a deep part.
     */
    public long inferenceFlopsPerExample() {
        if (!hasDeepPart()) {
            return 0;
        }
        long flops = 0;
        int in = deepInputWidth();
        for (int units : hiddenUnits) {
            flops += 2L * in * units;
            in = units;
        }
        return flops + 2L * in;
    }

    /**
     * A training step's matrix products per example: forward, kernel gradients (as much again) and input gradients,
     * which the first hidden layer needs only when embeddings lie below it (otherwise neither side computes them).
     */
    public long trainingFlopsPerExample() {
        if (!hasDeepPart()) {
            return 0;
        }
        long firstLayer = 2L * deepInputWidth() * hiddenUnits.get(0);
        return 3 * inferenceFlopsPerExample() - (embeddings.isEmpty() ? firstLayer : 0);
    }

    @Override
    public String toString() {
        return id;
    }
}
