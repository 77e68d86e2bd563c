package org.estimator4j.features;

/**
 * What a numeric column does to each value after reading it: nothing, standardise ({@code (x - mean) / stddev}) or
 * scale to [0, 1] ({@code (x - min) / (max - min)}). TensorFlow takes an arbitrary {@code normalizer_fn}; a value of
 * one of these kinds can be saved with the model and learned by {@code adapt}.
 */
public record Normalizer(Kind kind, double a, double b) {
    public enum Kind {
        NONE,
        STANDARDIZE,
        MIN_MAX
    }

    private static final Normalizer NONE = new Normalizer(Kind.NONE, 0, 0);

    public Normalizer {
        java.util.Objects.requireNonNull(kind, "kind is null");
        if (kind == Kind.STANDARDIZE && !(b > 0)) {
            throw new FeatureColumnException("a standardizing normalizer needs stddev > 0, got " + b);
        }
        if (kind == Kind.MIN_MAX && !(b > a)) {
            throw new FeatureColumnException("a min-max normalizer needs max > min, got min " + a + ", max " + b);
        }
    }

    public static Normalizer none() {
        return NONE;
    }

    public static Normalizer standardize(double mean, double stddev) {
        return new Normalizer(Kind.STANDARDIZE, mean, stddev);
    }

    public static Normalizer minMax(double min, double max) {
        return new Normalizer(Kind.MIN_MAX, min, max);
    }

    public float apply(float x) {
        return switch (kind) {
            case NONE -> x;
            case STANDARDIZE -> (float) ((x - a) / b);
            case MIN_MAX -> (float) ((x - a) / (b - a));
        };
    }
}
