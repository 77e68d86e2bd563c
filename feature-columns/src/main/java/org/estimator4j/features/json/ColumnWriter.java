package org.estimator4j.features.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
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
import org.estimator4j.features.SequenceCategoricalColumn;
import org.estimator4j.features.SequenceNumericColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.VocabularyFileColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.estimator4j.features.VocabularySpec;
import org.estimator4j.features.WeightedCategoricalColumn;
import org.estimator4j.features.json.ColumnConfig.NormalizerConfig;

/**
 * Columns to config records ({@link ColumnConfig}), which Jackson writes in TensorFlow's
 * {@code serialize_feature_column} shape; see {@link FeatureColumnJson}. Keys TensorFlow writes as None are written as
 * null; keys of ours are left out when they do not apply.
 */
final class ColumnWriter {
    private ColumnWriter() {}

    static ArrayNode columns(List<? extends FeatureColumn> columns, String root) {
        List<ColumnJson> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            out.add(json(columns.get(i), root + "[" + i + "]"));
        }
        return ColumnBinding.MAPPER.valueToTree(out);
    }

    static ObjectNode column(FeatureColumn column, String path) {
        return ColumnBinding.MAPPER.valueToTree(json(column, path));
    }

    /** TensorFlow's class name for the column, or null for a column FeatureColumns does not build. */
    static String className(FeatureColumn column) {
        try {
            return ColumnConfig.className(config(column, "column").getClass());
        } catch (FeatureColumnJsonException e) {
            return null;
        }
    }

    private static ColumnJson json(FeatureColumn column, String path) {
        if (column == null) {
            throw new FeatureColumnJsonException(path, "the column is null");
        }
        return ColumnJson.of(config(column, path));
    }

    private static ColumnConfig config(FeatureColumn column, String path) {
        String config = path + ".config";
        if (column instanceof NumericColumn n) {
            return numeric(n);
        } else if (column instanceof BucketizedColumn b) {
            List<Float> boundaries = new ArrayList<>();
            for (float f : b.boundaries()) {
                boundaries.add(f);
            }
            return new ColumnConfig.Bucketized(
                    json(b.source(), config + ".source_column"), boundaries, b.quantileBuckets());
        } else if (column instanceof HashBucketColumn h) {
            return new ColumnConfig.HashedCategorical(
                    h.key(), h.hashBucketSize(), h.dtype().tfName());
        } else if (column instanceof VocabularyListColumn v) {
            List<JsonNode> list = new ArrayList<>();
            for (Object o : v.vocabularyList()) {
                list.add(
                        o instanceof Number num
                                ? ColumnBinding.MAPPER.getNodeFactory().numberNode(num.longValue())
                                : ColumnBinding.MAPPER.getNodeFactory().textNode((String) o));
            }
            VocabularySpec spec = v.learnSpec();
            return new ColumnConfig.VocabularyListCategorical(
                    v.key(),
                    list,
                    v.dtype().tfName(),
                    v.defaultValue(),
                    v.numOovBuckets(),
                    spec == null ? null : new ColumnConfig.Learn(spec.minFrequency(), spec.maxTokens()));
        } else if (column instanceof VocabularyFileColumn v) {
            return new ColumnConfig.VocabularyFileCategorical(
                    v.key(),
                    v.vocabularyFile(),
                    v.vocabularySize(),
                    v.numOovBuckets(),
                    v.dtype().tfName(),
                    v.defaultValue(),
                    null,
                    v.vocabularySha256());
        } else if (column instanceof IdentityColumn id) {
            return new ColumnConfig.IdentityCategorical(id.key(), id.numBuckets(), id.defaultValue());
        } else if (column instanceof WeightedCategoricalColumn w) {
            return new ColumnConfig.WeightedCategorical(
                    json(w.categoricalColumn(), config + ".categorical_column"),
                    w.weightFeatureKey(),
                    DType.FLOAT32.tfName());
        } else if (column instanceof CrossedColumn x) {
            List<ColumnJson> keys = new ArrayList<>();
            for (int i = 0; i < x.keys().size(); i++) {
                Object k = x.keys().get(i);
                keys.add(
                        k instanceof String s
                                ? ColumnJson.rawFeature(s)
                                : json((FeatureColumn) k, config + ".keys[" + i + "]"));
            }
            BigInteger hashKey = x.hashKey() == CrossedColumn.DEFAULT_HASH_KEY
                    ? null // TensorFlow's None
                    : new BigInteger(Long.toUnsignedString(x.hashKey())); // a uint64, as in TensorFlow
            return new ColumnConfig.Crossed(keys, x.hashBucketSize(), hashKey);
        } else if (column instanceof SequenceNumericColumn n) {
            return new ColumnConfig.SequenceNumeric(
                    n.key(), n.shape(), n.defaultValue(), n.dtype().tfName(), null);
        } else if (column instanceof SequenceCategoricalColumn sc) {
            return new ColumnConfig.SequenceCategorical(json(sc.categoricalColumn(), config + ".categorical_column"));
        } else if (column instanceof IndicatorColumn ind) {
            return new ColumnConfig.Indicator(json(ind.categoricalColumn(), config + ".categorical_column"));
        } else if (column instanceof EmbeddingColumn e) {
            return new ColumnConfig.Embedding(
                    json(e.categoricalColumn(), config + ".categorical_column"),
                    e.dimension(),
                    e.combiner().tfName(),
                    initializer(e.dimension()),
                    null,
                    null,
                    e.maxNorm(),
                    e.trainable(),
                    true);
        } else if (column instanceof SharedEmbeddingColumn s) {
            CategoricalColumn cat = s.categoricalColumn();
            return new ColumnConfig.SharedEmbedding(
                    json(cat, config + ".categorical_column"),
                    s.sharedEmbeddingCollectionName(),
                    cat.numBuckets(),
                    s.dimension(),
                    s.combiner().tfName(),
                    initializer(s.dimension()),
                    null,
                    null,
                    s.maxNorm(),
                    s.trainable(),
                    true);
        }
        throw new FeatureColumnJsonException(
                path,
                "cannot write " + column.getClass().getName() + " ('"
                        + column.name() + "'): only the columns FeatureColumns builds can be written; known class "
                        + "names: " + String.join(", ", ColumnConfig.CLASS_NAMES));
    }

    private static ColumnConfig.Numeric numeric(NumericColumn n) {
        Normalizer norm = n.normalizer();
        NormalizerConfig normalizer;
        if (norm.kind() == Normalizer.Kind.NONE) {
            if (!norm.equals(Normalizer.none())) {
                throw new FeatureColumnJsonException(
                        null,
                        "numeric column '" + n.key() + "': cannot write " + norm
                                + "; a normalizer of kind NONE has no parameters");
            }
            normalizer = null; // no key: TensorFlow has none
        } else {
            Double a = norm.isAdapted() ? norm.a() : null; // null: learned by adapt, not yet
            Double b = norm.isAdapted() ? norm.b() : null;
            normalizer = norm.kind() == Normalizer.Kind.STANDARDIZE
                    ? new NormalizerConfig.Standardize("standardize", a, b, norm.learned())
                    : new NormalizerConfig.MinMax("min_max", a, b, norm.learned());
        }
        return new ColumnConfig.Numeric(
                n.key(),
                n.shape(),
                n.defaultValue() == null ? null : DefaultValue.nested(n.defaultValue(), n.shape()),
                DType.FLOAT32.tfName(),
                null,
                normalizer);
    }

    /**
     * TensorFlow's embedding initializer, written as Keras serializes it (truncated normal, stddev 1/sqrt(dimension)).
     */
    private static JsonNode initializer(int dimension) {
        return ColumnBinding.MAPPER.valueToTree(Initializer.defaultFor(dimension));
    }
}
