package org.estimator4j.features.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.Combiner;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.Normalizer;
import org.estimator4j.features.NumericColumn;
import org.estimator4j.features.SequenceNumericColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.VocabularyFileColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.estimator4j.features.VocabularySpec;
import org.estimator4j.features.json.ColumnConfig.NormalizerConfig;

/**
 * Config records to columns, the step after {@link ColumnBinding} has bound the JSON: checks what a record's types
 * cannot (keys that go together, values Estimator4J does not support, a vocabulary file changed since it was saved),
 * builds through {@link FeatureColumns}, and names the JSON path of whatever it refuses. Equal nested columns come back
 * as one instance (as TensorFlow's deserializer shares them), so a batch computes their ids once.
 */
final class ColumnBuilder {
    private static final Set<String> INTEGER_DTYPES =
            Set.of("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64");
    private static final Set<String> FLOAT_DTYPES = Set.of("float16", "bfloat16", "float32", "float64");
    private static final Set<String> KEYED = Set.of(
            "IdentityCategoricalColumn",
            "HashedCategoricalColumn",
            "VocabularyListCategoricalColumn",
            "VocabularyFileCategoricalColumn");
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final Map<FeatureColumn, FeatureColumn> canonical = new HashMap<>();
    private final ColumnFiles files;

    ColumnBuilder(ColumnFiles files) {
        this.files = files;
    }

    List<FeatureColumn> columns(List<ColumnJson> configs, String root) {
        List<FeatureColumn> out = new ArrayList<>();
        Map<String, String> sharedPaths = new HashMap<>();
        Map<String, SharedEmbeddingColumn> shared = new HashMap<>();
        for (int i = 0; i < configs.size(); i++) {
            String path = root + "[" + i + "]";
            FeatureColumn c = column(configs.get(i), path);
            if (c instanceof SharedEmbeddingColumn s) {
                // One table per collection name: its members must agree on the table's shape.
                SharedEmbeddingColumn first = shared.putIfAbsent(s.sharedEmbeddingCollectionName(), s);
                if (first != null
                        && (first.dimension() != s.dimension()
                                || first.categoricalColumn().numBuckets()
                                        != s.categoricalColumn().numBuckets())) {
                    throw new FeatureColumnJsonException(
                            path,
                            "shared embedding '" + s.name() + "' uses table '"
                                    + s.sharedEmbeddingCollectionName() + "' with "
                                    + s.categoricalColumn().numBuckets()
                                    + " buckets x dimension " + s.dimension() + ", but "
                                    + sharedPaths.get(s.sharedEmbeddingCollectionName()) + " ('" + first.name()
                                    + "') uses it with "
                                    + first.categoricalColumn().numBuckets() + " x "
                                    + first.dimension() + "; members of a shared_embeddings group share one table");
                }
                sharedPaths.putIfAbsent(s.sharedEmbeddingCollectionName(), path);
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    FeatureColumn column(ColumnJson json, String path) {
        if (json == null || json.rawFeature() != null) {
            throw new FeatureColumnJsonException(
                    path,
                    "expected " + ColumnBinding.COLUMN_OBJECT + ", got "
                            + (json == null ? "null" : ColumnBinding.kind(TextNode.valueOf(json.rawFeature()))));
        }
        String at = path + ".config";
        FeatureColumn built;
        try {
            built = build(json.config(), at);
        } catch (FeatureColumnJsonException e) {
            throw e;
        } catch (FeatureColumnException | IllegalArgumentException e) {
            throw new FeatureColumnJsonException(at, e.getMessage(), e);
        }
        FeatureColumn existing = canonical.putIfAbsent(built, built);
        return existing != null ? existing : built;
    }

    private FeatureColumn build(ColumnConfig config, String at) {
        if (config instanceof ColumnConfig.Numeric c) {
            return numeric(c, at);
        } else if (config instanceof ColumnConfig.Bucketized c) {
            NumericColumn source = numericColumn(c.sourceColumn(), at + ".source_column");
            if (c.boundaries() == null && c.quantileBuckets() == null) {
                throw new FeatureColumnJsonException(
                        at + ".boundaries",
                        "required key 'boundaries' of " + "BucketizedColumn '" + source.key() + "' is missing");
            }
            float[] boundaries = floats(c.boundaries());
            if (c.quantileBuckets() == null) {
                return FeatureColumns.bucketizedColumn(source, boundaries);
            }
            BucketizedColumn b = FeatureColumns.bucketizedColumnWithQuantiles(source, c.quantileBuckets());
            return boundaries.length == 0 ? b : b.withBoundaries(boundaries);
        } else if (config instanceof ColumnConfig.HashedCategorical c) {
            return FeatureColumns.categoricalColumnWithHashBucket(
                    c.key(), c.hashBucketSize(), categoricalDtype(c.dtype(), at + ".dtype", DType.STRING));
        } else if (config instanceof ColumnConfig.VocabularyListCategorical c) {
            return vocabularyList(c, at);
        } else if (config instanceof ColumnConfig.VocabularyFileCategorical c) {
            if (present(c.fileFormat())) {
                throw new FeatureColumnJsonException(
                        at + ".file_format",
                        "only text vocabulary files are read " + "(file_format null), got "
                                + ColumnBinding.kind(c.fileFormat()));
            }
            String file =
                    files.locate(c.vocabularyFile(), at + ".vocabulary_file").toString();
            VocabularyFileColumn v = FeatureColumns.categoricalColumnWithVocabularyFile(
                    c.key(),
                    file,
                    c.vocabularySize() == null ? OptionalInt.empty() : OptionalInt.of(c.vocabularySize()),
                    categoricalDtype(c.dtype(), at + ".dtype", DType.STRING),
                    c.defaultValue() == null ? -1 : c.defaultValue(),
                    c.numOovBuckets() == null ? 0 : c.numOovBuckets());
            // A saved column names the file it was made from: a file changed since must not pass for it.
            if (c.vocabularySha256() != null && !c.vocabularySha256().equals(v.vocabularySha256())) {
                throw new FeatureColumnJsonException(
                        at + ".vocabulary_sha256",
                        "vocabulary_file " + file
                                + " has changed since the column was saved (its SHA-256 is " + v.vocabularySha256()
                                + ", not " + c.vocabularySha256()
                                + "); restore the file the model was trained with, or "
                                + "train a new model with this one");
            }
            return v;
        } else if (config instanceof ColumnConfig.IdentityCategorical c) {
            return c.defaultValue() == null
                    ? FeatureColumns.categoricalColumnWithIdentity(c.key(), c.numberBuckets())
                    : FeatureColumns.categoricalColumnWithIdentity(c.key(), c.numberBuckets(), c.defaultValue());
        } else if (config instanceof ColumnConfig.WeightedCategorical c) {
            numericDtype(c.dtype(), at + ".dtype");
            return FeatureColumns.weightedCategoricalColumn(
                    categorical(c.categoricalColumn(), at + ".categorical_column"), c.weightFeatureKey());
        } else if (config instanceof ColumnConfig.Crossed c) {
            return crossed(c, at);
        } else if (config instanceof ColumnConfig.SequenceNumeric c) {
            return sequenceNumeric(c, at);
        } else if (config instanceof ColumnConfig.SequenceCategorical c) {
            CategoricalColumn cat = categorical(c.categoricalColumn(), at + ".categorical_column");
            if (!KEYED.contains(ColumnWriter.className(cat))) {
                throw new FeatureColumnJsonException(
                        at + ".categorical_column",
                        "a SequenceCategoricalColumn wraps an identity, hash bucket or vocabulary column, but '"
                                + cat.name() + "' is a " + c.categoricalColumn().className());
            }
            return FeatureColumns.sequenceCategoricalColumn(cat);
        } else if (config instanceof ColumnConfig.Indicator c) {
            return FeatureColumns.indicatorColumn(categorical(c.categoricalColumn(), at + ".categorical_column"));
        } else if (config instanceof ColumnConfig.Embedding c) {
            CategoricalColumn cat = categorical(c.categoricalColumn(), at + ".categorical_column");
            Combiner combiner = embeddingOptions(c, at);
            return FeatureColumns.embeddingColumn(cat, c.dimension(), combiner, c.maxNorm(), trainable(c));
        }
        ColumnConfig.SharedEmbedding c = (ColumnConfig.SharedEmbedding) config;
        CategoricalColumn cat = categorical(c.categoricalColumn(), at + ".categorical_column");
        Combiner combiner = embeddingOptions(c, at);
        if (c.numBuckets() != null && c.numBuckets() != cat.numBuckets()) {
            throw new FeatureColumnJsonException(
                    at + ".num_buckets",
                    "is " + c.numBuckets() + ", but categorical " + "column '" + cat.name() + "' has "
                            + cat.numBuckets() + " buckets");
        }
        return FeatureColumns.sharedEmbeddings(
                        List.of(cat),
                        c.dimension(),
                        combiner,
                        c.sharedEmbeddingCollectionName(),
                        c.maxNorm(),
                        trainable(c))
                .get(0);
    }

    private NumericColumn numeric(ColumnConfig.Numeric c, String at) {
        int[] shape = c.shape() == null ? new int[] {1} : c.shape();
        float[] defaultValue = null;
        if (c.defaultValue() != null) {
            defaultValue = c.defaultValue().values();
            if (c.defaultValue().scalar()) { // a scalar fills the shape, as in TensorFlow
                defaultValue = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
                Arrays.fill(defaultValue, c.defaultValue().values()[0]);
            }
        }
        numericDtype(c.dtype(), at + ".dtype");
        if (present(c.normalizerFn())) {
            throw new FeatureColumnJsonException(
                    at + ".normalizer_fn",
                    "is " + ColumnBinding.kind(c.normalizerFn())
                            + ", a Python function that Estimator4J cannot run; use \"normalizer\": {\"kind\": "
                            + "\"standardize\" or \"min_max\", ...} and leave normalizer_fn null");
        }
        Normalizer normalizer =
                c.normalizer() == null ? Normalizer.none() : normalizer(c.normalizer(), at + ".normalizer");
        return FeatureColumns.numericColumn(c.key(), shape, defaultValue, normalizer);
    }

    private static SequenceNumericColumn sequenceNumeric(ColumnConfig.SequenceNumeric c, String at) {
        if (present(c.normalizerFn())) {
            throw new FeatureColumnJsonException(
                    at + ".normalizer_fn",
                    "is " + ColumnBinding.kind(c.normalizerFn())
                            + ", a Python function that Estimator4J cannot run; leave normalizer_fn null");
        }
        numericDtype(c.dtype(), at + ".dtype");
        // Estimator4J reads every integer feature as int64 and every float but float64 as float32.
        DType dtype = c.dtype() == null
                ? DType.FLOAT32
                : INTEGER_DTYPES.contains(c.dtype())
                        ? DType.INT64
                        : c.dtype().equals("float64") ? DType.FLOAT64 : DType.FLOAT32;
        return FeatureColumns.sequenceNumericColumn(
                c.key(),
                c.shape() == null ? new int[] {1} : c.shape(),
                c.defaultValue() == null ? 0f : c.defaultValue(),
                dtype);
    }

    private static Normalizer normalizer(NormalizerConfig n, String path) {
        if (n instanceof NormalizerConfig.Standardize s) {
            return normalizer(
                    Normalizer.Kind.STANDARDIZE,
                    "standardize",
                    "mean",
                    s.mean(),
                    "stddev",
                    s.stddev(),
                    s.learned(),
                    path);
        } else if (n instanceof NormalizerConfig.MinMax m) {
            return normalizer(Normalizer.Kind.MIN_MAX, "min_max", "min", m.min(), "max", m.max(), m.learned(), path);
        }
        return Normalizer.none();
    }

    private static Normalizer normalizer(
            Normalizer.Kind kind,
            String kindName,
            String first,
            Double a,
            String second,
            Double b,
            Boolean learnedOrNull,
            String path) {
        boolean learned = Boolean.TRUE.equals(learnedOrNull);
        if (learned && a == null && b == null) {
            return Normalizer.learned(kind); // adapt will learn the parameters
        }
        if (a == null || b == null) {
            String missing = a != null ? second : first;
            throw new FeatureColumnJsonException(
                    path + "." + missing,
                    "required key '" + missing + "' of a "
                            + kindName + " normalizer is missing"
                            + (learned
                                    ? " (give both " + first + " and " + second + ", or neither while not adapted)"
                                    : ""));
        }
        return new Normalizer(kind, a, b, learned);
    }

    private VocabularyListColumn vocabularyList(ColumnConfig.VocabularyListCategorical c, String at) {
        List<JsonNode> list = c.vocabularyList();
        if (list == null && c.learn() == null) {
            throw new FeatureColumnJsonException(
                    at + ".vocabulary_list",
                    "required key 'vocabulary_list' of "
                            + "VocabularyListCategoricalColumn is missing (or give \"learn\" to learn the vocabulary from "
                            + "data)");
        }
        DType dtype = c.dtype() != null
                ? categoricalDtype(c.dtype(), at + ".dtype", null)
                : list != null && !list.isEmpty() && list.get(0).isNumber() ? DType.INT64 : DType.STRING;
        List<Object> values = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            JsonNode e = list.get(i);
            String p = at + ".vocabulary_list[" + i + "]";
            if (dtype == DType.STRING && !e.isTextual()) {
                throw new FeatureColumnJsonException(
                        p, "the vocabulary is string, so expected a string, got " + ColumnBinding.kind(e));
            } else if (dtype != DType.STRING && !(e.isIntegralNumber() && e.canConvertToLong())) {
                throw new FeatureColumnJsonException(p, "expected an integer, got " + ColumnBinding.kind(e));
            }
            values.add(dtype == DType.STRING ? e.textValue() : e.longValue());
        }
        long defaultValue = c.defaultValue() == null ? -1 : c.defaultValue();
        long numOov = c.numOovBuckets() == null ? 0 : c.numOovBuckets();
        if (c.learn() == null) {
            return FeatureColumns.categoricalColumnWithVocabularyList(c.key(), values, defaultValue, numOov);
        }
        if (defaultValue != -1) {
            throw new FeatureColumnJsonException(
                    at + ".default_value",
                    "a learned vocabulary takes default_value " + "-1, got " + defaultValue
                            + "; use num_oov_buckets for values outside it");
        }
        VocabularySpec spec;
        try {
            spec = new VocabularySpec(
                    dtype,
                    c.learn().minFrequency() == null ? 1 : c.learn().minFrequency(),
                    c.learn().maxTokens());
        } catch (FeatureColumnException e) {
            throw new FeatureColumnJsonException(at + ".learn", e.getMessage(), e);
        }
        VocabularyListColumn v = FeatureColumns.categoricalColumnWithLearnedVocabulary(c.key(), spec, numOov);
        return values.isEmpty() ? v : v.withVocabulary(values);
    }

    private FeatureColumn crossed(ColumnConfig.Crossed c, String at) {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < c.keys().size(); i++) {
            ColumnJson k = c.keys().get(i);
            String p = at + ".keys[" + i + "]";
            if (k == null) {
                throw new FeatureColumnJsonException(p, "expected a raw feature name or a column object, got null");
            } else if (k.rawFeature() != null) {
                keys.add(k.rawFeature());
            } else if (column(k, p) instanceof CategoricalColumn cat) {
                keys.add(cat);
            } else {
                throw new FeatureColumnJsonException(
                        p,
                        "a crossed column's keys must be raw feature names or " + "categorical columns, but '"
                                + column(k, p).name() + "' is a " + k.className());
            }
        }
        if (c.hashKey() == null) {
            return FeatureColumns.crossedColumn(keys, c.hashBucketSize());
        }
        // A uint64, as TensorFlow takes it (a negative Java long is written as its unsigned value).
        if (c.hashKey().signum() < 0 || c.hashKey().compareTo(TWO_64) >= 0) {
            throw new FeatureColumnJsonException(
                    at + ".hash_key", "expected an unsigned 64-bit integer, got " + c.hashKey());
        }
        return FeatureColumns.crossedColumn(
                keys, c.hashBucketSize(), c.hashKey().longValue());
    }

    /** The combiner, after refusing the options Estimator4J does not support. */
    private static Combiner embeddingOptions(ColumnConfig.EmbeddingOptions c, String at) {
        Combiner combiner = Combiner.MEAN;
        if (c.combiner() != null) {
            try {
                combiner = Combiner.ofTfName(c.combiner());
            } catch (FeatureColumnException e) {
                throw new FeatureColumnJsonException(
                        at + ".combiner", "unknown combiner '" + c.combiner() + "'; use mean, sqrtn or sum");
            }
        }
        if (present(c.initializer())) {
            checkInitializer(c.initializer(), c.dimension(), at + ".initializer");
        }
        if (present(c.ckptToLoadFrom()) || present(c.tensorNameInCkpt())) {
            throw new FeatureColumnJsonException(
                    at + (present(c.ckptToLoadFrom()) ? ".ckpt_to_load_from" : ".tensor_name_in_ckpt"),
                    "warm-starting from a TensorFlow checkpoint is not supported; " + "leave it null");
        }
        if (Boolean.FALSE.equals(c.useSafeEmbeddingLookup())) {
            throw new FeatureColumnJsonException(
                    at + ".use_safe_embedding_lookup",
                    "Estimator4J always uses the "
                            + "safe lookup (invalid ids dropped, empty rows zero); leave it true");
        }
        return combiner;
    }

    /** TensorFlow's default initializer (its config bound like a column's, so a bad value there is named) or none. */
    private static void checkInitializer(JsonNode init, int dimension, String path) {
        FeatureColumnJsonException other =
                new FeatureColumnJsonException(path, Initializer.expected(dimension) + "; got " + init);
        if (!init.isObject()
                || !"TruncatedNormal".equals(init.path("class_name").asText(null))
                || !init.path("config").isObject()
                || init.size() != 2) {
            throw other;
        }
        Initializer bound = ColumnBinding.read(init, ColumnBinding.MAPPER.constructType(Initializer.class), path);
        if (!bound.isDefaultFor(dimension)) {
            throw other;
        }
    }

    private static boolean trainable(ColumnConfig.EmbeddingOptions c) {
        return !Boolean.FALSE.equals(c.trainable());
    }

    private NumericColumn numericColumn(ColumnJson json, String path) {
        FeatureColumn col = column(json, path);
        if (!(col instanceof NumericColumn num)) {
            throw new FeatureColumnJsonException(
                    path, "must be a NumericColumn, got " + json.className() + " '" + col.name() + "'");
        }
        return num;
    }

    private CategoricalColumn categorical(ColumnJson json, String path) {
        if (json.rawFeature() != null) {
            throw new FeatureColumnJsonException(
                    path,
                    "expected a categorical column object, got the string '"
                            + json.rawFeature() + "'; wrap the raw feature in a column, e.g. {\"class_name\": "
                            + "\"HashedCategoricalColumn\", \"config\": {\"key\": \"" + json.rawFeature()
                            + "\", \"hash_bucket_size\": 100}}");
        }
        FeatureColumn col = column(json, path);
        if (!(col instanceof CategoricalColumn cat)) {
            throw new FeatureColumnJsonException(
                    path, "must be a categorical column, got " + json.className() + " '" + col.name() + "'");
        }
        return cat;
    }

    private static DType categoricalDtype(String d, String path, DType ifNull) {
        if (d == null) {
            return ifNull;
        } else if (d.equals("string")) {
            return DType.STRING;
        } else if (INTEGER_DTYPES.contains(d)) {
            return DType.INT64; // Estimator4J reads every integer feature as int64
        }
        throw new FeatureColumnJsonException(path, "dtype must be string or an integer type (int64), got '" + d + "'");
    }

    private static void numericDtype(String d, String path) {
        if (d != null && !INTEGER_DTYPES.contains(d) && !FLOAT_DTYPES.contains(d)) {
            throw new FeatureColumnJsonException(path, "dtype must be a numeric type such as float32, got '" + d + "'");
        }
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values == null ? 0 : values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** Given and not null (a JSON null binds to a NullNode, not to null). */
    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }
}
