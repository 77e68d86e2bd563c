package org.estimator4j.features.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code config} of each TensorFlow column class, one record per class: its components are the keys of the class's
 * {@code get_config()} in TensorFlow's {@code _fields} order (then ours), named as TensorFlow spells them, and that is
 * also the order they are written in. Jackson binds them strictly (see {@link ColumnBinding}): a key the record lacks
 * is refused, a {@link Required} key must be present and not null, and optional keys are null when absent or null.
 * Keys whose only accepted value is null (a Python function, a checkpoint, a file format) are kept as {@link JsonNode}
 * so the refusal can show what was given.
 */
sealed interface ColumnConfig {
    /** TensorFlow's class names ({@code @JsonTypeName}) to the config records, in alphabetical order. */
    Map<String, Class<? extends ColumnConfig>> TYPES = Arrays.stream(ColumnConfig.class.getPermittedSubclasses())
            .map(c -> c.asSubclass(ColumnConfig.class))
            .collect(Collectors.toMap(ColumnConfig::className, Function.identity(), (a, b) -> a, TreeMap::new));

    List<String> CLASS_NAMES = List.copyOf(TYPES.keySet());

    static String className(Class<?> config) {
        return config.getAnnotation(JsonTypeName.class).value();
    }

    @JsonTypeName("NumericColumn")
    record Numeric(
            @JsonProperty("key") @Required String key,

            @JsonProperty("shape") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            int[] shape,

            @JsonProperty("default_value") DefaultValue defaultValue,
            @JsonProperty("dtype") String dtype,
            @JsonProperty("normalizer_fn") JsonNode normalizerFn,

            @JsonProperty("normalizer") @JsonInclude(JsonInclude.Include.NON_NULL)
            NormalizerConfig normalizer)
            implements ColumnConfig {}

    @JsonTypeName("BucketizedColumn")
    record Bucketized(
            @JsonProperty("source_column") @Required ColumnJson sourceColumn,

            @JsonProperty("boundaries") @JsonSetter(contentNulls = Nulls.FAIL)
            List<Float> boundaries,

            @JsonProperty("quantile_buckets") @JsonInclude(JsonInclude.Include.NON_NULL)
            Integer quantileBuckets)
            implements ColumnConfig {}

    @JsonTypeName("HashedCategoricalColumn")
    record HashedCategorical(
            @JsonProperty("key") @Required String key,
            @JsonProperty("hash_bucket_size") @Required Long hashBucketSize,
            @JsonProperty("dtype") String dtype)
            implements ColumnConfig {}

    /** {@code vocabulary_list} holds strings or integers as {@code dtype} says, so its values are checked on build. */
    @JsonTypeName("VocabularyListCategoricalColumn")
    record VocabularyListCategorical(
            @JsonProperty("key") @Required String key,
            @JsonProperty("vocabulary_list") List<JsonNode> vocabularyList,
            @JsonProperty("dtype") String dtype,
            @JsonProperty("default_value") Long defaultValue,
            @JsonProperty("num_oov_buckets") Long numOovBuckets,

            @JsonProperty("learn") @JsonInclude(JsonInclude.Include.NON_NULL)
            Learn learn)
            implements ColumnConfig {}

    /** How a vocabulary is learned from data (ours). */
    record Learn(
            @JsonProperty("min_frequency") Long minFrequency,
            @JsonProperty("max_tokens") Integer maxTokens) {}

    @JsonTypeName("VocabularyFileCategoricalColumn")
    record VocabularyFileCategorical(
            @JsonProperty("key") @Required String key,
            @JsonProperty("vocabulary_file") @Required String vocabularyFile,
            @JsonProperty("vocabulary_size") Integer vocabularySize,
            @JsonProperty("num_oov_buckets") Long numOovBuckets,
            @JsonProperty("dtype") String dtype,
            @JsonProperty("default_value") Long defaultValue,
            @JsonProperty("file_format") JsonNode fileFormat,
            @JsonProperty("vocabulary_sha256") String vocabularySha256)
            implements ColumnConfig {}

    @JsonTypeName("IdentityCategoricalColumn")
    record IdentityCategorical(
            @JsonProperty("key") @Required String key,
            @JsonProperty("number_buckets") @Required Long numberBuckets,
            @JsonProperty("default_value") Long defaultValue)
            implements ColumnConfig {}

    @JsonTypeName("WeightedCategoricalColumn")
    record WeightedCategorical(
            @JsonProperty("categorical_column") @Required ColumnJson categoricalColumn,
            @JsonProperty("weight_feature_key") @Required String weightFeatureKey,
            @JsonProperty("dtype") String dtype)
            implements ColumnConfig {}

    /** {@code keys} holds raw feature names and categorical columns ({@link ColumnJson#rawFeature()}). */
    @JsonTypeName("CrossedColumn")
    record Crossed(
            @JsonProperty("keys") @Required List<ColumnJson> keys,
            @JsonProperty("hash_bucket_size") @Required Long hashBucketSize,
            @JsonProperty("hash_key") BigInteger hashKey)
            implements ColumnConfig {}

    /**
     * {@code sequence_numeric_column}: TensorFlow writes {@code shape} as a list and {@code default_value} as a scalar
     * float.
     */
    @JsonTypeName("SequenceNumericColumn")
    record SequenceNumeric(
            @JsonProperty("key") @Required String key,

            @JsonProperty("shape") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            int[] shape,

            @JsonProperty("default_value") Float defaultValue,
            @JsonProperty("dtype") String dtype,
            @JsonProperty("normalizer_fn") JsonNode normalizerFn)
            implements ColumnConfig {}

    /** {@code sequence_categorical_column_with_*}: the categorical column applied per position. */
    @JsonTypeName("SequenceCategoricalColumn")
    record SequenceCategorical(
            @JsonProperty("categorical_column") @Required ColumnJson categoricalColumn) implements ColumnConfig {}

    @JsonTypeName("IndicatorColumn")
    record Indicator(
            @JsonProperty("categorical_column") @Required ColumnJson categoricalColumn) implements ColumnConfig {}

    /**
     * {@code initializer} is a Keras-serialized object of any class; only TensorFlow's default is accepted, and that
     * check says what the default is ({@link Initializer}).
     */
    @JsonTypeName("EmbeddingColumn")
    record Embedding(
            @JsonProperty("categorical_column") @Required ColumnJson categoricalColumn,
            @JsonProperty("dimension") @Required Integer dimension,
            @JsonProperty("combiner") String combiner,
            @JsonProperty("initializer") JsonNode initializer,
            @JsonProperty("ckpt_to_load_from") JsonNode ckptToLoadFrom,
            @JsonProperty("tensor_name_in_ckpt") JsonNode tensorNameInCkpt,
            @JsonProperty("max_norm") Float maxNorm,
            @JsonProperty("trainable") Boolean trainable,
            @JsonProperty("use_safe_embedding_lookup") Boolean useSafeEmbeddingLookup)
            implements ColumnConfig, EmbeddingOptions {}

    /** Ours: TensorFlow cannot serialize a shared embedding column. */
    @JsonTypeName("SharedEmbeddingColumn")
    record SharedEmbedding(
            @JsonProperty("categorical_column") @Required ColumnJson categoricalColumn,

            @JsonProperty("shared_embedding_collection_name") @Required
            String sharedEmbeddingCollectionName,

            @JsonProperty("num_buckets") Long numBuckets,
            @JsonProperty("dimension") @Required Integer dimension,
            @JsonProperty("combiner") String combiner,
            @JsonProperty("initializer") JsonNode initializer,
            @JsonProperty("ckpt_to_load_from") JsonNode ckptToLoadFrom,
            @JsonProperty("tensor_name_in_ckpt") JsonNode tensorNameInCkpt,
            @JsonProperty("max_norm") Float maxNorm,
            @JsonProperty("trainable") Boolean trainable,
            @JsonProperty("use_safe_embedding_lookup") Boolean useSafeEmbeddingLookup)
            implements ColumnConfig, EmbeddingOptions {}

    /** The options EmbeddingColumn and SharedEmbeddingColumn share. */
    interface EmbeddingOptions {
        ColumnJson categoricalColumn();

        Integer dimension();

        String combiner();

        JsonNode initializer();

        JsonNode ckptToLoadFrom();

        JsonNode tensorNameInCkpt();

        Float maxNorm();

        Boolean trainable();

        Boolean useSafeEmbeddingLookup();
    }

    /**
     * A numeric column's normalizer (ours), told apart by {@code kind}: Jackson's polymorphic handling fits here, as the
     * type id is a key of the object itself. Parameters are null while a learned normalizer is not adapted.
     */
    @JsonTypeInfo(
            use = JsonTypeInfo.Id.NAME,
            include = JsonTypeInfo.As.EXISTING_PROPERTY,
            property = "kind",
            visible = true)
    @JsonSubTypes({
        @JsonSubTypes.Type(value = NormalizerConfig.None.class, name = "none"),
        @JsonSubTypes.Type(value = NormalizerConfig.Standardize.class, name = "standardize"),
        @JsonSubTypes.Type(value = NormalizerConfig.MinMax.class, name = "min_max")
    })
    sealed interface NormalizerConfig {
        record None(@JsonProperty("kind") String kind) implements NormalizerConfig {}

        record Standardize(
                @JsonProperty("kind") String kind,
                @JsonProperty("mean") Double mean,
                @JsonProperty("stddev") Double stddev,
                @JsonProperty("learned") Boolean learned)
                implements NormalizerConfig {}

        record MinMax(
                @JsonProperty("kind") String kind,
                @JsonProperty("min") Double min,
                @JsonProperty("max") Double max,
                @JsonProperty("learned") Boolean learned)
                implements NormalizerConfig {}
    }
}
