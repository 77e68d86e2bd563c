package org.estimator4j.features;

/**
 * What a numeric column does to each value after reading it: nothing, standardise ({@code (x - mean) / stddev}) or
 * scale to [0, 1] ({@code (x - min) / (max - min)}). TensorFlow takes an arbitrary {@code normalizer_fn}; a value of
 * one of these kinds can be saved with the model. A {@link #learned(Kind)} one gets its parameters from
 * {@code FeatureColumnAdapter.adapt}: mean and population standard deviation, or minimum and maximum.
 */
public record Normalizer(Kind kind, double a, double b, boolean learned) {
    public enum Kind {
        NONE,
        STANDARDIZE,
        MIN_MAX
    }

    private static final Normalizer NONE = new Normalizer(Kind.NONE, 0, 0, false);

    public Normalizer {
        java.util.Objects.requireNonNull(kind, "kind is null");
        boolean pending = learned && Double.isNaN(a) && Double.isNaN(b); // to be learned by adapt
        if (!pending && kind == Kind.STANDARDIZE && !(b > 0)) {
            throw new FeatureColumnException("a standardizing normalizer needs stddev > 0, got " + b);
        }
        if (!pending && kind == Kind.MIN_MAX && !(b > a)) {
            throw new FeatureColumnException("a min-max normalizer needs max > min, got min " + a + ", max " + b);
        }
    }

    public static Normalizer none() {
        return NONE;
    }

    public static Normalizer standardize(double mean, double stddev) {
        return new Normalizer(Kind.STANDARDIZE, mean, stddev, false);
    }

    public static Normalizer minMax(double min, double max) {
        return new Normalizer(Kind.MIN_MAX, min, max, false);
    }

    /** A normalizer of this kind whose parameters {@code FeatureColumnAdapter.adapt} learns from data. */
    public static Normalizer learned(Kind kind) {
        if (kind == Kind.NONE) {
            throw new FeatureColumnException("there is nothing to learn for Kind.NONE");
        }
        return new Normalizer(kind, Double.NaN, Double.NaN, true);
    }

    /** False for a learned normalizer whose parameters are still to be adapted. */
    public boolean isAdapted() {
        return !(Double.isNaN(a) && Double.isNaN(b));
    }

    /** The learned kind with these parameters (what adapt returns). */
    public Normalizer withParameters(double first, double second) {
        if (kind == Kind.STANDARDIZE && !(second > 0)) {
            second = 1; // a constant feature: centre it, do not divide by zero
        }
        if (kind == Kind.MIN_MAX && !(second > first)) {
            second = first + 1;
        }
        return new Normalizer(kind, first, second, learned);
    }

    public float apply(float x) {
        return switch (kind) {
            case NONE -> x;
            case STANDARDIZE -> (float) ((x - a) / b);
            case MIN_MAX -> (float) ((x - a) / (b - a));
        };
    }
}
