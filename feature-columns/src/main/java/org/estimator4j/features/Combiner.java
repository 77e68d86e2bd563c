package org.estimator4j.features;

/** How an embedding column reduces a row's looked-up vectors, with weights w: TensorFlow's combiners. */
public enum Combiner {
    /** {@code Σ w·e}. */
    SUM,
    /** {@code Σ w·e / Σ w} (TensorFlow's default). */
    MEAN,
    /** {@code Σ w·e / sqrt(Σ w²)}. */
    SQRTN;

    public String tfName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Combiner ofTfName(String name) {
        for (Combiner c : values()) {
            if (c.tfName().equals(name)) {
                return c;
            }
        }
        throw new FeatureColumnException("unknown combiner '" + name + "'; use sum, mean or sqrtn");
    }
}
