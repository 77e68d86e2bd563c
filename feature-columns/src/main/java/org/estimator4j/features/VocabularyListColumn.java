package org.estimator4j.features;

import java.util.List;
import org.estimator4j.api.table.DType;

/**
 * {@code tf.feature_column.categorical_column_with_vocabulary_list}: ids are positions in an in-memory vocabulary;
 * unknown values go to OOV buckets or default_value (see {@link Vocabulary}).
 */
public final class VocabularyListColumn extends KeyedCategoricalColumn {
    private final Vocabulary vocabulary;

    VocabularyListColumn(String key, List<?> vocabulary, DType dtype, long defaultValue, long numOovBuckets) {
        super(key, dtype);
        this.vocabulary = new Vocabulary(key, vocabulary, dtype, defaultValue, numOovBuckets);
    }

    /** The vocabulary: strings, or Longs for an int64 column. */
    public List<Object> vocabularyList() {
        return vocabulary.values();
    }

    public long defaultValue() {
        return vocabulary.defaultValue();
    }

    public long numOovBuckets() {
        return vocabulary.numOovBuckets();
    }

    @Override
    public long numBuckets() {
        return vocabulary.numBuckets();
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
        return vocabulary.numOovBuckets() > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VocabularyListColumn c && c.key().equals(key()) && c.vocabulary.equals(vocabulary);
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + vocabulary.hashCode();
    }

    @Override
    public String toString() {
        return "VocabularyListCategoricalColumn(key=" + key() + ", " + vocabulary + ", default_value="
                + defaultValue() + ", num_oov_buckets=" + numOovBuckets() + ")";
    }
}
