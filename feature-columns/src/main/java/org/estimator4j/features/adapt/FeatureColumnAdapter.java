package org.estimator4j.features.adapt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.CrossedColumn;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.IndicatorColumn;
import org.estimator4j.features.Normalizer;
import org.estimator4j.features.NumericColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.estimator4j.features.WeightedCategoricalColumn;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.RawFeature;
import org.estimator4j.features.transform.TransformContext;

/**
 * Learns feature columns' state from data in one streaming pass (beyond TensorFlow, like Keras preprocessing layers'
 * {@code adapt}): vocabularies of learned vocabulary columns (min frequency, max tokens, ordered by frequency then
 * value), mean / standard deviation or min / max of learned normalizers, and quantile boundaries of
 * {@link FeatureColumns#bucketizedColumnWithQuantiles}. Columns with nothing to learn come back unchanged; the others
 * come back as new columns holding the learned state (columns are immutable), wherever they sit in a column tree.
 *
 * <pre>{@code
 * List<FeatureColumn> adapted = FeatureColumnAdapter.adapt(columns, rows.batch(4096, false, Batch::of));
 * }</pre>
 */
public final class FeatureColumnAdapter {
    private static final int SKETCH_K = 400;

    private FeatureColumnAdapter() {}

    /** Reads {@code data} once and returns the columns with their state learned. */
    public static List<FeatureColumn> adapt(List<? extends FeatureColumn> columns, Dataset<Batch> data) {
        Map<FeatureColumn, Learner> learners = new LinkedHashMap<>();
        for (FeatureColumn c : columns) {
            collect(c, learners);
        }
        if (!learners.isEmpty()) {
            EmbeddingTables none = new EmbeddingTables(0);
            for (Batch batch : data) {
                TransformContext context = new TransformContext(batch, none);
                for (Learner l : learners.values()) {
                    l.update(context);
                }
            }
        }
        Map<FeatureColumn, FeatureColumn> learned = new HashMap<>();
        List<FeatureColumn> out = new ArrayList<>(columns.size());
        for (FeatureColumn c : columns) {
            out.add(rebuild(c, learners, learned));
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ finding what to learn

    private static void collect(FeatureColumn c, Map<FeatureColumn, Learner> learners) {
        if (c instanceof NumericColumn n) {
            if (n.normalizer().learned() && !learners.containsKey(n)) {
                learners.put(n, new NormalizerLearner(n));
            }
        } else if (c instanceof BucketizedColumn b) {
            collect(b.source(), learners);
            if (b.quantileBuckets() != null && !learners.containsKey(b)) {
                learners.put(b, new QuantileLearner(b));
            }
        } else if (c instanceof VocabularyListColumn v) {
            if (v.learnSpec() != null && !learners.containsKey(v)) {
                learners.put(v, new VocabularyLearner(v));
            }
        } else if (c instanceof CrossedColumn x) {
            for (Object k : x.keys()) {
                if (k instanceof FeatureColumn f) {
                    collect(f, learners);
                }
            }
        } else if (c instanceof IndicatorColumn i) {
            collect(i.categoricalColumn(), learners);
        } else if (c instanceof EmbeddingColumn e) {
            collect(e.categoricalColumn(), learners);
        } else if (c instanceof SharedEmbeddingColumn s) {
            collect(s.categoricalColumn(), learners);
        } else if (c instanceof WeightedCategoricalColumn w) {
            collect(w.categoricalColumn(), learners);
        }
    }

    // ------------------------------------------------------------------ rebuilding trees with learned state

    private static FeatureColumn rebuild(
            FeatureColumn c, Map<FeatureColumn, Learner> learners, Map<FeatureColumn, FeatureColumn> done) {
        FeatureColumn cached = done.get(c);
        if (cached != null) {
            return cached;
        }
        FeatureColumn result = c;
        if (c instanceof NumericColumn n) {
            Learner l = learners.get(n);
            result = l == null ? n : n.withNormalizer(((NormalizerLearner) l).result());
        } else if (c instanceof BucketizedColumn b) {
            NumericColumn source = (NumericColumn) rebuild(b.source(), learners, done);
            BucketizedColumn rebuilt = b.withSource(source);
            Learner l = learners.get(b);
            result = l == null ? rebuilt : rebuilt.withBoundaries(((QuantileLearner) l).result(source.normalizer()));
        } else if (c instanceof VocabularyListColumn v) {
            Learner l = learners.get(v);
            result = l == null ? v : v.withVocabulary(((VocabularyLearner) l).result());
        } else if (c instanceof CrossedColumn x) {
            List<Object> keys = new ArrayList<>();
            for (Object k : x.keys()) {
                keys.add(k instanceof FeatureColumn f ? rebuild(f, learners, done) : k);
            }
            result = x.withKeys(keys);
        } else if (c instanceof IndicatorColumn i) {
            result = FeatureColumns.indicatorColumn(categorical(i.categoricalColumn(), learners, done));
        } else if (c instanceof EmbeddingColumn e) {
            result = FeatureColumns.embeddingColumn(
                    categorical(e.categoricalColumn(), learners, done),
                    e.dimension(),
                    e.combiner(),
                    e.maxNorm(),
                    e.trainable());
        } else if (c instanceof SharedEmbeddingColumn s) {
            result = s.withCategoricalColumn(categorical(s.categoricalColumn(), learners, done));
        } else if (c instanceof WeightedCategoricalColumn w) {
            result = FeatureColumns.weightedCategoricalColumn(
                    categorical(w.categoricalColumn(), learners, done), w.weightFeatureKey());
        }
        done.put(c, result);
        return result;
    }

    private static CategoricalColumn categorical(
            CategoricalColumn c, Map<FeatureColumn, Learner> learners, Map<FeatureColumn, FeatureColumn> done) {
        return (CategoricalColumn) rebuild(c, learners, done);
    }

    // ------------------------------------------------------------------ learners

    /** Accumulates one column's statistics over the batches of the pass. */
    private interface Learner {
        void update(TransformContext context);
    }

    private static final List<DType> NUMERIC = List.of(DType.FLOAT32, DType.FLOAT64, DType.INT64);

    /** Mean and population variance by Welford's method, plus min and max; missing values are skipped. */
    private static final class NormalizerLearner implements Learner {
        private final NumericColumn column;
        private long n;
        private double mean;
        private double m2;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        private final String what;

        NormalizerLearner(NumericColumn column) {
            this.column = column;
            this.what = "numeric column '" + column.key() + "'";
        }

        @Override
        public void update(TransformContext context) {
            RawFeature raw = context.raw(column.key(), column, NUMERIC);
            for (int r = 0; r < context.numRows(); r++) {
                for (int i = raw.start(r), end = raw.end(r); i < end; i++) {
                    double x = context.finiteFloat(raw, r, i, what);
                    n++;
                    double delta = x - mean;
                    mean += delta / n;
                    m2 += delta * (x - mean);
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
        }

        Normalizer result() {
            Normalizer spec = column.normalizer();
            if (n == 0) {
                throw new org.estimator4j.features.FeatureColumnException("numeric column '" + column.key()
                        + "' cannot learn its normalizer: the data has no values for it");
            }
            return spec.kind() == Normalizer.Kind.STANDARDIZE
                    ? spec.withParameters(mean, Math.sqrt(m2 / n))
                    : spec.withParameters(min, max);
        }
    }

    /** A quantile sketch of the source's raw values; boundaries at i / numBuckets, deduplicated. */
    private static final class QuantileLearner implements Learner {
        private final BucketizedColumn column;
        private final QuantileSketch sketch = new QuantileSketch(SKETCH_K, 42);

        private final String what;

        QuantileLearner(BucketizedColumn column) {
            this.column = column;
            this.what = "numeric column '" + column.source().key() + "'";
        }

        @Override
        public void update(TransformContext context) {
            RawFeature raw = context.raw(column.source().key(), column, NUMERIC);
            for (int r = 0; r < context.numRows(); r++) {
                for (int i = raw.start(r), end = raw.end(r); i < end; i++) {
                    sketch.add(context.finiteFloat(raw, r, i, what));
                }
            }
        }

        /** Quantiles of raw values mapped through the (monotonic) normalizer the column buckets after. */
        float[] result(Normalizer normalizer) {
            if (sketch.count() == 0) {
                throw new org.estimator4j.features.FeatureColumnException("bucketized column '" + column.name()
                        + "' cannot learn boundaries: the data has no values for '"
                        + column.source().key() + "'");
            }
            int buckets = column.quantileBuckets();
            double[] fractions = new double[buckets - 1];
            for (int i = 1; i < buckets; i++) {
                fractions[i - 1] = (double) i / buckets;
            }
            float[] q = sketch.quantiles(fractions);
            float[] out = new float[q.length];
            int n = 0;
            for (float v : q) {
                float b = normalizer.apply(v);
                if (n == 0 || b > out[n - 1]) {
                    out[n++] = b;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    /** Exact value counts; the vocabulary is the values seen often enough, most frequent first, ties by value. */
    private static final class VocabularyLearner implements Learner {
        private final VocabularyListColumn column;
        private final Map<Object, long[]> counts = new HashMap<>();

        VocabularyLearner(VocabularyListColumn column) {
            this.column = column;
        }

        @Override
        public void update(TransformContext context) {
            RawFeature raw = context.raw(column.key(), column, List.of(column.dtype()));
            boolean strings = column.dtype() == DType.STRING;
            for (int r = 0; r < context.numRows(); r++) {
                for (int i = raw.start(r), end = raw.end(r); i < end; i++) {
                    Object v = strings ? raw.strings()[i] : (Object) raw.longs()[i];
                    counts.computeIfAbsent(v, x -> new long[1])[0]++;
                }
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Object> result() {
            long minFrequency = column.learnSpec().minFrequency();
            Integer maxTokens = column.learnSpec().maxTokens();
            List<Map.Entry<Object, long[]>> entries = new ArrayList<>(counts.entrySet());
            entries.removeIf(e -> e.getValue()[0] < minFrequency);
            entries.sort(Comparator.<Map.Entry<Object, long[]>>comparingLong(e -> -e.getValue()[0])
                    .thenComparing(e -> (Comparable) e.getKey()));
            List<Object> vocabulary = new ArrayList<>();
            for (Map.Entry<Object, long[]> e : entries) {
                if (maxTokens != null && vocabulary.size() == maxTokens) {
                    break;
                }
                vocabulary.add(e.getKey());
            }
            if (vocabulary.isEmpty()) {
                throw new org.estimator4j.features.FeatureColumnException("vocabulary column '" + column.key()
                        + "' learned an empty vocabulary: no value appears " + minFrequency + " times or more");
            }
            return vocabulary;
        }
    }
}
