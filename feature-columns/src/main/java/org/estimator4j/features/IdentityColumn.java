package org.estimator4j.features;

import org.estimator4j.api.table.DType;

/**
 * {@code tf.feature_column.categorical_column_with_identity}: int64 values in {@code [0, num_buckets)} are their own
 * ids; others become default_value. Without a default, a negative value stays as it is (as in TensorFlow's id
 * tensor: a cross hashes it, indicator and embedding columns skip it) and a value of num_buckets or more is an error.
 * A dense input's -1 means "no value" and is dropped first (see {@link KeyedCategoricalColumn}).
 */
public final class IdentityColumn extends KeyedCategoricalColumn {
    private final long numBuckets;
    private final Long defaultValue;

    IdentityColumn(String key, long numBuckets, Long defaultValue) {
        super(key, DType.INT64);
        if (numBuckets < 1) {
            throw new FeatureColumnException(
                    "identity column '" + key + "': num_buckets must be > 0, got " + numBuckets);
        }
        if (defaultValue != null && (defaultValue < 0 || defaultValue >= numBuckets)) {
            throw new FeatureColumnException("identity column '" + key + "': default_value " + defaultValue
                    + " is not in [0, " + numBuckets + ")");
        }
        this.numBuckets = numBuckets;
        this.defaultValue = defaultValue;
    }

    /** The id for out-of-range values, or null when they are an error. */
    public Long defaultValue() {
        return defaultValue;
    }

    @Override
    public long numBuckets() {
        return numBuckets;
    }

    @Override
    long idOf(String value, long fingerprint) {
        throw new AssertionError("identity columns read int64 values");
    }

    @Override
    long idOf(long value, long unused) {
        if (value >= 0 && value < numBuckets) {
            return value;
        }
        if (defaultValue != null) {
            return defaultValue;
        }
        if (value < 0) {
            // TensorFlow passes the value through unchanged (a cross hashes it); consumers skip negative ids.
            return value;
        }
        throw new FeatureColumnException("identity column '" + key() + "': value " + value + " is not in [0, "
                + numBuckets + "); set a default_value for out-of-range values");
    }

    @Override
    boolean needsFingerprints() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityColumn c
                && c.key().equals(key())
                && c.numBuckets == numBuckets
                && java.util.Objects.equals(c.defaultValue, defaultValue);
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + Long.hashCode(numBuckets);
    }

    @Override
    public String toString() {
        return "IdentityCategoricalColumn(key=" + key() + ", number_buckets=" + numBuckets + ", default_value="
                + defaultValue + ")";
    }
}
