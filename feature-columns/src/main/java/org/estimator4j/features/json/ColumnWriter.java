package org.estimator4j.features.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.CrossedColumn;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.HashBucketColumn;
import org.estimator4j.features.IdentityColumn;
import org.estimator4j.features.IndicatorColumn;
import org.estimator4j.features.Normalizer;
import org.estimator4j.features.NumericColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.VocabularyFileColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.estimator4j.features.VocabularySpec;
import org.estimator4j.features.WeightedCategoricalColumn;

/** Columns to JSON trees in TensorFlow's {@code serialize_feature_column} shape; see {@link FeatureColumnJson}. */
final class ColumnWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ColumnWriter() {}

    static ArrayNode columns(List<? extends FeatureColumn> columns, String root) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < columns.size(); i++) {
            a.add(column(columns.get(i), root + "[" + i + "]"));
        }
        return a;
    }

    /** TensorFlow's class name for the column, or null for a column FeatureColumns does not build. */
    static String className(FeatureColumn column) {
        if (column instanceof NumericColumn) {
            return "NumericColumn";
        } else if (column instanceof BucketizedColumn) {
            return "BucketizedColumn";
        } else if (column instanceof HashBucketColumn) {
            return "HashedCategoricalColumn";
        } else if (column instanceof VocabularyListColumn) {
            return "VocabularyListCategoricalColumn";
        } else if (column instanceof VocabularyFileColumn) {
            return "VocabularyFileCategoricalColumn";
        } else if (column instanceof IdentityColumn) {
            return "IdentityCategoricalColumn";
        } else if (column instanceof WeightedCategoricalColumn) {
            return "WeightedCategoricalColumn";
        } else if (column instanceof CrossedColumn) {
            return "CrossedColumn";
        } else if (column instanceof IndicatorColumn) {
            return "IndicatorColumn";
        } else if (column instanceof EmbeddingColumn) {
            return "EmbeddingColumn";
        } else if (column instanceof SharedEmbeddingColumn) {
            return "SharedEmbeddingColumn";
        }
        return null;
    }

    static ObjectNode column(FeatureColumn column, String path) {
        if (column == null) {
            throw new FeatureColumnJsonException(path, "the column is null");
        }
        ObjectNode c = F.objectNode();
        String className = className(column);
        if (column instanceof NumericColumn n) {
            numeric(n, c);
        } else if (column instanceof BucketizedColumn b) {
            c.set("source_column", column(b.source(), path + ".config.source_column"));
            c.set("boundaries", floats(b.boundaries()));
            if (b.quantileBuckets() != null) {
                c.put("quantile_buckets", b.quantileBuckets());
            }
        } else if (column instanceof HashBucketColumn h) {
            c.put("key", h.key());
            c.put("hash_bucket_size", h.hashBucketSize());
            c.put("dtype", h.dtype().tfName());
        } else if (column instanceof VocabularyListColumn v) {
            c.put("key", v.key());
            ArrayNode list = c.putArray("vocabulary_list");
            for (Object o : v.vocabularyList()) {
                if (o instanceof Number num) {
                    list.add(num.longValue());
                } else {
                    list.add((String) o);
                }
            }
            c.put("dtype", v.dtype().tfName());
            c.put("default_value", v.defaultValue());
            c.put("num_oov_buckets", v.numOovBuckets());
            VocabularySpec spec = v.learnSpec();
            if (spec != null) {
                ObjectNode learn = c.putObject("learn");
                learn.put("min_frequency", spec.minFrequency());
                if (spec.maxTokens() == null) {
                    learn.putNull("max_tokens");
                } else {
                    learn.put("max_tokens", spec.maxTokens());
                }
            }
        } else if (column instanceof VocabularyFileColumn v) {
            c.put("key", v.key());
            c.put("vocabulary_file", v.vocabularyFile());
            if (v.vocabularySize() == null) {
                c.putNull("vocabulary_size");
            } else {
                c.put("vocabulary_size", v.vocabularySize());
            }
            c.put("num_oov_buckets", v.numOovBuckets());
            c.put("dtype", v.dtype().tfName());
            c.put("default_value", v.defaultValue());
            c.putNull("file_format");
            c.put("vocabulary_sha256", v.vocabularySha256());
        } else if (column instanceof IdentityColumn id) {
            c.put("key", id.key());
            c.put("number_buckets", id.numBuckets());
            if (id.defaultValue() == null) {
                c.putNull("default_value");
            } else {
                c.put("default_value", id.defaultValue());
            }
        } else if (column instanceof WeightedCategoricalColumn w) {
            c.set("categorical_column", column(w.categoricalColumn(), path + ".config.categorical_column"));
            c.put("weight_feature_key", w.weightFeatureKey());
            c.put("dtype", DType.FLOAT32.tfName());
        } else if (column instanceof CrossedColumn x) {
            ArrayNode keys = c.putArray("keys");
            List<Object> ks = x.keys();
            for (int i = 0; i < ks.size(); i++) {
                Object k = ks.get(i);
                if (k instanceof String s) {
                    keys.add(s);
                } else {
                    keys.add(column((FeatureColumn) k, path + ".config.keys[" + i + "]"));
                }
            }
            c.put("hash_bucket_size", x.hashBucketSize());
            if (x.hashKey() == CrossedColumn.DEFAULT_HASH_KEY) {
                c.putNull("hash_key"); // TensorFlow's None: the default key
            } else if (x.hashKey() < 0) {
                c.put("hash_key", new BigInteger(Long.toUnsignedString(x.hashKey()))); // a uint64, as in TF
            } else {
                c.put("hash_key", x.hashKey());
            }
        } else if (column instanceof IndicatorColumn ind) {
            c.set("categorical_column", column(ind.categoricalColumn(), path + ".config.categorical_column"));
        } else if (column instanceof EmbeddingColumn e) {
            c.set("categorical_column", column(e.categoricalColumn(), path + ".config.categorical_column"));
            c.put("dimension", e.dimension());
            embeddingOptions(c, e.dimension(), e.combiner().tfName(), e.maxNorm(), e.trainable());
        } else if (column instanceof SharedEmbeddingColumn s) {
            CategoricalColumn cat = s.categoricalColumn();
            c.set("categorical_column", column(cat, path + ".config.categorical_column"));
            c.put("shared_embedding_collection_name", s.sharedEmbeddingCollectionName());
            c.put("num_buckets", cat.numBuckets());
            c.put("dimension", s.dimension());
            embeddingOptions(c, s.dimension(), s.combiner().tfName(), s.maxNorm(), s.trainable());
        } else {
            throw new FeatureColumnJsonException(path, "cannot write " + column.getClass().getName() + " ('"
                    + column.name() + "'): only the columns FeatureColumns builds can be written; known class "
                    + "names: " + String.join(", ", ColumnReader.CLASS_NAMES));
        }
        ObjectNode out = F.objectNode();
        out.put("class_name", className);
        out.set("config", c);
        return out;
    }

    private static void numeric(NumericColumn n, ObjectNode c) {
        c.put("key", n.key());
        ArrayNode shape = c.putArray("shape");
        for (int d : n.shape()) {
            shape.add(d);
        }
        float[] dv = n.defaultValue();
        if (dv == null) {
            c.putNull("default_value");
        } else {
            int[] dims = n.shape();
            c.set("default_value", nested(dv, dims, 0, 0));
        }
        c.put("dtype", DType.FLOAT32.tfName());
        c.putNull("normalizer_fn");
        Normalizer norm = n.normalizer();
        if (norm.kind() == Normalizer.Kind.NONE) {
            if (!norm.equals(Normalizer.none())) {
                throw new FeatureColumnJsonException(null, "numeric column '" + n.key() + "': cannot write "
                        + norm + "; a normalizer of kind NONE has no parameters");
            }
            return;
        }
        ObjectNode o = c.putObject("normalizer");
        boolean standardize = norm.kind() == Normalizer.Kind.STANDARDIZE;
        o.put("kind", standardize ? "standardize" : "min_max");
        String first = standardize ? "mean" : "min";
        String second = standardize ? "stddev" : "max";
        if (norm.isAdapted()) {
            o.set(first, dbl(norm.a()));
            o.set(second, dbl(norm.b()));
        } else {
            o.putNull(first); // learned by adapt, not yet
            o.putNull(second);
        }
        o.put("learned", norm.learned());
    }

    /** TensorFlow keeps default_value nested by shape: shape (2, 3) gives ((a, b, c), (d, e, f)). */
    private static ArrayNode nested(float[] values, int[] dims, int dim, int offset) {
        ArrayNode a = F.arrayNode();
        int stride = 1;
        for (int i = dim + 1; i < dims.length; i++) {
            stride *= dims[i];
        }
        for (int i = 0; i < dims[dim]; i++) {
            if (dim + 1 == dims.length) {
                a.add(flt(values[offset + i]));
            } else {
                a.add(nested(values, dims, dim + 1, offset + i * stride));
            }
        }
        return a;
    }

    /**
     * TensorFlow's embedding options: the default initializer written as Keras serializes it (truncated normal,
     * stddev 1/sqrt(dimension)); no checkpoint to warm-start from; the safe lookup.
     */
    private static void embeddingOptions(ObjectNode c, int dimension, String combiner, Float maxNorm,
            boolean trainable) {
        c.put("combiner", combiner);
        c.set("initializer", defaultInitializer(dimension));
        c.putNull("ckpt_to_load_from");
        c.putNull("tensor_name_in_ckpt");
        if (maxNorm == null) {
            c.putNull("max_norm");
        } else {
            c.set("max_norm", flt(maxNorm));
        }
        c.put("trainable", trainable);
        c.put("use_safe_embedding_lookup", true);
    }

    static ObjectNode defaultInitializer(int dimension) {
        ObjectNode init = F.objectNode();
        init.put("class_name", "TruncatedNormal");
        ObjectNode cfg = init.putObject("config");
        cfg.put("mean", 0.0);
        cfg.put("stddev", 1 / Math.sqrt(dimension));
        cfg.putNull("seed");
        cfg.put("dtype", "float32");
        return init;
    }

    private static ArrayNode floats(float[] values) {
        ArrayNode a = F.arrayNode();
        for (float v : values) {
            a.add(flt(v));
        }
        return a;
    }

    /**
     * A float as a number node, or as the string "NaN", "Infinity", "-Infinity" or "-0.0": JSON has no number for the
     * first three, and a reader that parses exact decimals (BigDecimal) loses the sign of the last.
     */
    private static JsonNode flt(float v) {
        return Float.isFinite(v) && Float.floatToRawIntBits(v) != Integer.MIN_VALUE ? F.numberNode(v)
                : F.textNode(Float.toString(v));
    }

    private static JsonNode dbl(double v) {
        return Double.isFinite(v) && Double.doubleToRawLongBits(v) != Long.MIN_VALUE ? F.numberNode(v)
                : F.textNode(Double.toString(v));
    }
}
