package org.estimator4j.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.table.DType;

/**
 * {@code tf.feature_column.categorical_column_with_vocabulary_file}: the vocabulary is the file's lines (one value per
 * line, the first vocabulary_size of them when set), read when the column is created.
 */
public final class VocabularyFileColumn extends KeyedCategoricalColumn {
    private final String vocabularyFile;
    private final Integer vocabularySize;
    private final Vocabulary vocabulary;

    VocabularyFileColumn(String key, String vocabularyFile, Integer vocabularySize, DType dtype, long defaultValue,
            long numOovBuckets) {
        super(key, dtype);
        this.vocabularyFile = java.util.Objects.requireNonNull(vocabularyFile, "vocabularyFile is null");
        Path path = Path.of(vocabularyFile);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeatureColumnException("vocabulary column '" + key + "': cannot read vocabulary_file "
                    + path.toAbsolutePath() + " (" + e + "); check the path", e);
        }
        if (vocabularySize != null) {
            if (vocabularySize < 1 || vocabularySize > lines.size()) {
                throw new FeatureColumnException("vocabulary column '" + key + "': vocabulary_size " + vocabularySize
                        + " but " + path + " has " + lines.size() + " lines");
            }
            lines = lines.subList(0, vocabularySize);
        }
        this.vocabularySize = vocabularySize;
        this.vocabulary = new Vocabulary(key, lines, dtype, defaultValue, numOovBuckets);
    }

    public String vocabularyFile() {
        return vocabularyFile;
    }

    /**
     * The vocabulary as read from the file when the column was made: strings, or Longs for an int64 column. (Warm
     * starting compares it with another model's to move trained rows to their keys' new ids.)
     */
    public List<Object> vocabularyList() {
        return vocabulary.values();
    }

    /** How many lines were read, or null for the whole file. */
    public Integer vocabularySize() {
        return vocabularySize;
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
        return o instanceof VocabularyFileColumn c && c.key().equals(key())
                && c.vocabularyFile.equals(vocabularyFile) && java.util.Objects.equals(c.vocabularySize,
                vocabularySize) && c.vocabulary.equals(vocabulary);
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + vocabularyFile.hashCode();
    }

    @Override
    public String toString() {
        return "VocabularyFileCategoricalColumn(key=" + key() + ", vocabulary_file=" + vocabularyFile
                + ", vocabulary_size=" + vocabularySize + ", default_value=" + defaultValue() + ", num_oov_buckets="
                + numOovBuckets() + ")";
    }
}
