package org.estimator4j.features;

import org.estimator4j.api.table.DType;
import org.estimator4j.features.hash.TfFingerprint;

/**
 * {@code tf.feature_column.categorical_column_with_hash_bucket}: id = Fingerprint64(value as a string) mod
 * hash_bucket_size, unsigned; integers hash as their decimal strings. TensorFlow's ids, bit for bit.
 */
public final class HashBucketColumn extends KeyedCategoricalColumn {
    private final long hashBucketSize;

    HashBucketColumn(String key, long hashBucketSize, DType dtype) {
        super(key, dtype);
        if (hashBucketSize < 1) {
            throw new FeatureColumnException(
                    "hash bucket column '" + key + "': hash_bucket_size must be > 0, got " + hashBucketSize);
        }
        this.hashBucketSize = hashBucketSize;
    }

    public long hashBucketSize() {
        return hashBucketSize;
    }

    @Override
    public long numBuckets() {
        return hashBucketSize;
    }

    @Override
    long idOf(String value, long fingerprint) {
        return TfFingerprint.bucket(fingerprint, hashBucketSize);
    }

    @Override
    long idOf(long value, long fingerprintOfDecimal) {
        return TfFingerprint.bucket(fingerprintOfDecimal, hashBucketSize);
    }

    @Override
    boolean needsFingerprints() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashBucketColumn c
                && c.key().equals(key())
                && c.dtype() == dtype()
                && c.hashBucketSize == hashBucketSize;
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + Long.hashCode(hashBucketSize);
    }

    @Override
    public String toString() {
        return "HashedCategoricalColumn(key=" + key() + ", hash_bucket_size=" + hashBucketSize + ", dtype="
                + dtype().tfName() + ")";
    }
}
