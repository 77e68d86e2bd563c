package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.estimator4j.api.table.DType;

/**
 * Builds feature columns with {@code tf.feature_column}'s names, arguments and defaults:
 *
 * <pre>{@code
 * NumericColumn age = FeatureColumns.numericColumn("age");
 * BucketizedColumn ageBuckets = FeatureColumns.bucketizedColumn(age, 18, 25, 30, 35, 40, 45, 50, 55, 60, 65);
 * CategoricalColumn education = FeatureColumns.categoricalColumnWithVocabularyList("education",
 *         List.of("Bachelors", "HS-grad", "11th", "Masters"));
 * CategoricalColumn occupation = FeatureColumns.categoricalColumnWithHashBucket("occupation", 1000);
 * CategoricalColumn cross = FeatureColumns.crossedColumn(List.of("education", "occupation"), 1000);
 * DenseColumn occupationEmbedding = FeatureColumns.embeddingColumn(occupation, 8);
 * }</pre>
 */
public final class FeatureColumns {
    private FeatureColumns() {}

    /** {@code numeric_column(key)}: a float32 scalar with no default and no normalizer. */
    public static NumericColumn numericColumn(String key) {
        return new NumericColumn(key, new int[] {1}, null, Normalizer.none());
    }

    /** {@code numeric_column(key, shape, default_value, normalizer_fn)}; defaultValue may be null. */
    public static NumericColumn numericColumn(String key, int[] shape, float[] defaultValue, Normalizer normalizer) {
        return new NumericColumn(
                key,
                requireNonNull(shape, "shape is null"),
                defaultValue,
                normalizer == null ? Normalizer.none() : normalizer);
    }

    /** {@code numeric_column(key, default_value=d)} for a scalar. */
    public static NumericColumn numericColumn(String key, float defaultValue) {
        return new NumericColumn(key, new int[] {1}, new float[] {defaultValue}, Normalizer.none());
    }

    public static BucketizedColumn bucketizedColumn(NumericColumn source, float... boundaries) {
        return new BucketizedColumn(source, boundaries, null);
    }

    /**
     * {@code categorical_column_with_vocabulary_list(key, vocabulary_list)}: dtype from the entries (strings, or
     * integers for int64), default_value -1, no OOV buckets.
     */
    public static VocabularyListColumn categoricalColumnWithVocabularyList(String key, List<?> vocabularyList) {
        return categoricalColumnWithVocabularyList(key, vocabularyList, -1, 0);
    }

    public static VocabularyListColumn categoricalColumnWithVocabularyList(
            String key, List<?> vocabularyList, long defaultValue, long numOovBuckets) {
        requireNonNull(vocabularyList, "vocabularyList is null");
        DType dtype = !vocabularyList.isEmpty() && vocabularyList.get(0) instanceof Number ? DType.INT64 : DType.STRING;
        return new VocabularyListColumn(key, vocabularyList, dtype, defaultValue, numOovBuckets, null);
    }

    /**
     * A vocabulary column whose vocabulary {@code FeatureColumnAdapter.adapt} learns from data (beyond TensorFlow);
     * unknown values go to default_value (-1 unless numOovBuckets > 0) or OOV buckets as usual.
     */
    public static VocabularyListColumn categoricalColumnWithLearnedVocabulary(
            String key, VocabularySpec spec, long numOovBuckets) {
        requireNonNull(spec, "spec is null");
        return new VocabularyListColumn(key, null, spec.dtype(), -1, numOovBuckets, spec);
    }

    /**
     * A bucketized column whose boundaries {@code FeatureColumnAdapter.adapt} learns as the quantiles that split the
     * data into {@code numBuckets} equally filled buckets (fewer when values repeat).
     */
    public static BucketizedColumn bucketizedColumnWithQuantiles(NumericColumn source, int numBuckets) {
        return new BucketizedColumn(source, new float[0], numBuckets);
    }

    /**
     * {@code categorical_column_with_vocabulary_file(key, vocabulary_file, vocabulary_size, dtype, default_value,
     * num_oov_buckets)}: an empty vocabularySize reads the whole file; a defaultValue of -1 is TensorFlow's None
     * (unknown values get -1, or an OOV bucket), as in {@link #categoricalColumnWithVocabularyList}.
     */
    public static VocabularyFileColumn categoricalColumnWithVocabularyFile(
            String key,
            String vocabularyFile,
            OptionalInt vocabularySize,
            DType dtype,
            long defaultValue,
            long numOovBuckets) {
        requireNonNull(vocabularySize, "vocabularySize is null; use OptionalInt.empty() to read the whole file");
        return new VocabularyFileColumn(
                key,
                vocabularyFile,
                vocabularySize.isPresent() ? vocabularySize.getAsInt() : null,
                dtype == null ? DType.STRING : dtype,
                defaultValue,
                numOovBuckets);
    }

    public static VocabularyFileColumn categoricalColumnWithVocabularyFile(String key, String vocabularyFile) {
        return categoricalColumnWithVocabularyFile(key, vocabularyFile, OptionalInt.empty(), DType.STRING, -1, 0);
    }

    /** {@code categorical_column_with_identity(key, num_buckets)}: out-of-range values are an error. */
    public static IdentityColumn categoricalColumnWithIdentity(String key, long numBuckets) {
        return new IdentityColumn(key, numBuckets, null);
    }

    /** {@code categorical_column_with_identity(key, num_buckets, default_value)}: out-of-range values get that id. */
    public static IdentityColumn categoricalColumnWithIdentity(String key, long numBuckets, long defaultValue) {
        return new IdentityColumn(key, numBuckets, defaultValue);
    }

    /** {@code categorical_column_with_hash_bucket(key, hash_bucket_size)} over strings. */
    public static HashBucketColumn categoricalColumnWithHashBucket(String key, long hashBucketSize) {
        return new HashBucketColumn(key, hashBucketSize, DType.STRING);
    }

    /** Over int64 values too (dtype int64: they hash as decimal strings). */
    public static HashBucketColumn categoricalColumnWithHashBucket(String key, long hashBucketSize, DType dtype) {
        return new HashBucketColumn(key, hashBucketSize, dtype);
    }

    /** {@code crossed_column(keys, hash_bucket_size)}: keys are raw feature names or categorical columns. */
    public static CrossedColumn crossedColumn(List<?> keys, long hashBucketSize) {
        return new CrossedColumn(keys, hashBucketSize, null);
    }

    public static CrossedColumn crossedColumn(List<?> keys, long hashBucketSize, long hashKey) {
        return new CrossedColumn(keys, hashBucketSize, hashKey);
    }

    public static IndicatorColumn indicatorColumn(CategoricalColumn categoricalColumn) {
        return new IndicatorColumn(categoricalColumn);
    }

    /** {@code embedding_column(categorical_column, dimension)}: mean combiner, no max_norm, trainable. */
    public static EmbeddingColumn embeddingColumn(CategoricalColumn categoricalColumn, int dimension) {
        return new EmbeddingColumn(categoricalColumn, dimension, Combiner.MEAN, null, true);
    }

    public static EmbeddingColumn embeddingColumn(
            CategoricalColumn categoricalColumn, int dimension, Combiner combiner, Float maxNorm, boolean trainable) {
        return new EmbeddingColumn(categoricalColumn, dimension, combiner, maxNorm, trainable);
    }

    /** {@code shared_embeddings(categorical_columns, dimension)}: one table for all, mean combiner. */
    public static List<SharedEmbeddingColumn> sharedEmbeddings(
            List<? extends CategoricalColumn> categoricalColumns, int dimension) {
        return sharedEmbeddings(categoricalColumns, dimension, Combiner.MEAN, null, null, true);
    }

    /**
     * The columns must have the same type (weighted columns count as the column they weight) and the same
     * num_buckets. The table is named {@code sharedEmbeddingCollectionName}, or by
     * default the columns' names, sorted, joined by "_", plus "_shared_embedding" (TensorFlow's default).
     */
    public static List<SharedEmbeddingColumn> sharedEmbeddings(
            List<? extends CategoricalColumn> categoricalColumns,
            int dimension,
            Combiner combiner,
            String sharedEmbeddingCollectionName,
            Float maxNorm,
            boolean trainable) {
        if (categoricalColumns.size() < 1) {
            throw new FeatureColumnException("shared_embeddings needs at least one categorical column");
        }
        if (dimension < 1) {
            throw new FeatureColumnException("shared_embeddings: dimension must be > 0, got " + dimension);
        }
        if (maxNorm != null && !(maxNorm > 0)) {
            throw new FeatureColumnException("shared_embeddings: max_norm must be > 0, got " + maxNorm);
        }
        List<CategoricalColumn> sorted = new ArrayList<>(categoricalColumns);
        sorted.sort(Comparator.comparing(CategoricalColumn::name, ColumnNames.ORDER));
        // TensorFlow: all columns must have the same type, a weighted column counting as the one it weights.
        CategoricalColumn first = unweighted(sorted.get(0));
        for (CategoricalColumn c : sorted) {
            if (unweighted(c).getClass() != first.getClass()) {
                throw new FeatureColumnException("shared_embeddings: all categorical_columns must have the same type "
                        + "(or be weighted columns of the same type), but " + first + " and " + unweighted(c)
                        + " differ");
            }
        }
        boolean adapted = sorted.stream().allMatch(CategoricalColumn::isAdapted);
        long numBuckets = adapted ? sorted.get(0).numBuckets() : -1;
        for (CategoricalColumn c : sorted) {
            if (adapted && c.numBuckets() != numBuckets) {
                throw new FeatureColumnException("shared_embeddings: all columns need the same num_buckets, but '"
                        + sorted.get(0).name() + "' has " + numBuckets + " and '" + c.name() + "' has "
                        + c.numBuckets());
            }
        }
        String name = sharedEmbeddingCollectionName != null
                ? sharedEmbeddingCollectionName
                : String.join("_", sorted.stream().map(CategoricalColumn::name).toList()) + "_shared_embedding";
        List<SharedEmbeddingColumn> out = new ArrayList<>();
        for (CategoricalColumn c : categoricalColumns) {
            out.add(new SharedEmbeddingColumn(
                    c, name, dimension, requireNonNull(combiner, "combiner is null"), maxNorm, trainable));
        }
        return List.copyOf(out);
    }

    private static CategoricalColumn unweighted(CategoricalColumn c) {
        return c instanceof WeightedCategoricalColumn w ? w.categoricalColumn() : c;
    }

    public static WeightedCategoricalColumn weightedCategoricalColumn(
            CategoricalColumn categoricalColumn, String weightFeatureKey) {
        return new WeightedCategoricalColumn(categoricalColumn, weightFeatureKey);
    }

    /**
     * {@code sequence_numeric_column(key)}: elements of shape (1,), padded with 0.0, read as float32 (TensorFlow's
     * defaults).
     */
    public static SequenceNumericColumn sequenceNumericColumn(String key) {
        return new SequenceNumericColumn(key, new int[] {1}, 0f, DType.FLOAT32);
    }

    /** {@code sequence_numeric_column(key, shape, default_value, dtype)}; default_value pads short sequences. */
    public static SequenceNumericColumn sequenceNumericColumn(
            String key, int[] shape, float defaultValue, DType dtype) {
        return new SequenceNumericColumn(key, shape, defaultValue, dtype);
    }

    /** {@code sequence_categorical_column_with_identity(key, num_buckets)}: out-of-range values are an error. */
    public static SequenceCategoricalColumn sequenceCategoricalColumnWithIdentity(String key, long numBuckets) {
        return new SequenceCategoricalColumn(categoricalColumnWithIdentity(key, numBuckets));
    }

    /** {@code sequence_categorical_column_with_identity(key, num_buckets, default_value)}. */
    public static SequenceCategoricalColumn sequenceCategoricalColumnWithIdentity(
            String key, long numBuckets, long defaultValue) {
        return new SequenceCategoricalColumn(categoricalColumnWithIdentity(key, numBuckets, defaultValue));
    }

    /** {@code sequence_categorical_column_with_hash_bucket(key, hash_bucket_size, dtype)}. */
    public static SequenceCategoricalColumn sequenceCategoricalColumnWithHashBucket(
            String key, long hashBucketSize, DType dtype) {
        return new SequenceCategoricalColumn(categoricalColumnWithHashBucket(key, hashBucketSize, dtype));
    }

    /** {@code sequence_categorical_column_with_vocabulary_list(key, vocabulary_list, default_value, num_oov_buckets)}. */
    public static SequenceCategoricalColumn sequenceCategoricalColumnWithVocabularyList(
            String key, List<?> vocabularyList, long defaultValue, long numOovBuckets) {
        return new SequenceCategoricalColumn(
                categoricalColumnWithVocabularyList(key, vocabularyList, defaultValue, numOovBuckets));
    }

    /**
     * {@code sequence_categorical_column_with_vocabulary_file(key, vocabulary_file, vocabulary_size, num_oov_buckets,
     * default_value, dtype)}, with {@link #categoricalColumnWithVocabularyFile}'s conventions.
     */
    public static SequenceCategoricalColumn sequenceCategoricalColumnWithVocabularyFile(
            String key,
            String vocabularyFile,
            OptionalInt vocabularySize,
            DType dtype,
            long defaultValue,
            long numOovBuckets) {
        return new SequenceCategoricalColumn(categoricalColumnWithVocabularyFile(
                key, vocabularyFile, vocabularySize, dtype, defaultValue, numOovBuckets));
    }

    /** A sequence column over any keyed categorical column (what the JSON form wraps). */
    public static SequenceCategoricalColumn sequenceCategoricalColumn(CategoricalColumn categoricalColumn) {
        return new SequenceCategoricalColumn(categoricalColumn);
    }
}
