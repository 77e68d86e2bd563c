package org.estimator4j.features;

import java.util.List;
import org.estimator4j.api.table.DType;

/**
 * {@code tf.feature_column.categorical_column_with_vocabulary_list}: ids are positions in an in-memory vocabulary;
 * unknown values go to OOV buckets or default_value (see {@link Vocabulary}).
 *
 * <p>Beyond TensorFlow, the vocabulary can be learned: a column made with a {@link VocabularySpec} has none until
 * {@code FeatureColumnAdapter.adapt} fills it from data; the adapted column keeps the spec, so it can be learned
 * again.
 */
public final class VocabularyListColumn extends KeyedCategoricalColumn {
    private final Vocabulary vocabulary; // null until learned
    private final long defaultValue;
    private final long numOovBuckets;
    private final VocabularySpec learn; // null for a fixed vocabulary

    VocabularyListColumn(
            String key, List<?> vocabulary, DType dtype, long defaultValue, long numOovBuckets, VocabularySpec learn) {
        super(key, dtype);
        this.defaultValue = defaultValue;
        this.numOovBuckets = numOovBuckets;
        this.learn = learn;
        if (learn != null && learn.dtype() != dtype) {
            throw new FeatureColumnException("vocabulary column '" + key + "' is " + dtype.tfName()
                    + " but its learned vocabulary is " + learn.dtype().tfName());
        }
        if (vocabulary == null && learn == null) {
            throw new FeatureColumnException(
                    "vocabulary column '" + key + "' needs a vocabulary or a spec to " + "learn one");
        }
        if (vocabulary == null) {
            // Validate the lookup options now, with a placeholder entry.
            new Vocabulary(key, dtype == DType.STRING ? List.of("") : List.of(0L), dtype, defaultValue, numOovBuckets);
        }
        this.vocabulary =
                vocabulary == null ? null : new Vocabulary(key, vocabulary, dtype, defaultValue, numOovBuckets);
    }

    /** The vocabulary: strings, or Longs for an int64 column; empty while a learned one is still to be adapted. */
    public List<Object> vocabularyList() {
        return vocabulary == null ? List.of() : vocabulary.values();
    }

    /** How the vocabulary is learned, or null for a fixed one. */
    public VocabularySpec learnSpec() {
        return learn;
    }

    /** True once there is a vocabulary: always for a fixed one, after adapt for a learned one. */
    @Override
    public boolean isAdapted() {
        return vocabulary != null;
    }

    /** The same column with a learned vocabulary (what adapt returns). */
    public VocabularyListColumn withVocabulary(List<?> learned) {
        return new VocabularyListColumn(key(), learned, dtype(), defaultValue, numOovBuckets, learn);
    }

    public long defaultValue() {
        return defaultValue;
    }

    public long numOovBuckets() {
        return numOovBuckets;
    }

    private Vocabulary vocabulary() {
        if (vocabulary == null) {
            throw new FeatureColumnException("vocabulary column '" + key() + "' learns its vocabulary from data and "
                    + "has not been adapted yet: call FeatureColumnAdapter.adapt(columns, data) first");
        }
        return vocabulary;
    }

    @Override
    public long numBuckets() {
        return vocabulary().numBuckets();
    }

    @Override
    long idOf(String value, long fingerprint) {
        return vocabulary.idOf(value, fingerprint);
    }

    @Override
    long idOf(long value, long fingerprintOfDecimal) {
        return vocabulary.idOf(value, fingerprintOfDecimal);
    }

    @Override
    boolean needsFingerprints() {
        return vocabulary().numOovBuckets() > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VocabularyListColumn c
                && c.key().equals(key())
                && c.dtype() == dtype()
                && java.util.Objects.equals(c.vocabulary, vocabulary)
                && c.defaultValue == defaultValue
                && c.numOovBuckets == numOovBuckets
                && java.util.Objects.equals(c.learn, learn);
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + java.util.Objects.hashCode(vocabulary);
    }

    @Override
    public String toString() {
        return "VocabularyListCategoricalColumn(key=" + key() + ", " + (vocabulary == null ? "not adapted" : vocabulary)
                + ", default_value=" + defaultValue + ", num_oov_buckets=" + numOovBuckets
                + (learn == null ? "" : ", learn=" + learn) + ")";
    }
}
