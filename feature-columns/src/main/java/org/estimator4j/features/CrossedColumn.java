package org.estimator4j.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.hash.TfFingerprint;
import org.estimator4j.features.transform.RawFeature;
import org.estimator4j.features.transform.TransformContext;

/**
 * {@code tf.feature_column.crossed_column}, computed as TensorFlow's {@code sparse_cross_hashed}: for every combination
 * of one value per key (the Cartesian product, last key varying fastest), start from hash_key and chain
 * {@code FingerprintCat64} over each value's feature hash (Fingerprint64 for strings, the value itself for int64 raw
 * values and for a categorical column's ids), then take it mod hash_bucket_size as unsigned. Nested crossed columns
 * are flattened into their keys. As in TensorFlow, sparse inputs (categorical columns' ids, variable-length raw
 * features) are crossed before dense raw features, which changes the hash when a raw key comes first.
 */
public final class CrossedColumn implements CategoricalColumn {
    /** TensorFlow's default hash key for crosses. */
    public static final long DEFAULT_HASH_KEY = 0xDECAFCAFFEL;

    private static final List<DType> RAW_TYPES = List.of(DType.STRING, DType.INT64);

    private final List<Object> keys;
    private final long hashBucketSize;
    private final long hashKey;
    private final List<Object> leaves;

    CrossedColumn(List<?> keys, long hashBucketSize, Long hashKey) {
        if (keys.size() < 2) {
            throw new FeatureColumnException("a crossed column needs at least 2 keys, got " + keys);
        }
        if (hashBucketSize < 1) {
            throw new FeatureColumnException(
                    "crossed column over " + keys + ": hash_bucket_size must be > 0, got " + hashBucketSize);
        }
        for (Object k : keys) {
            if (k instanceof HashBucketColumn h) {
                throw new FeatureColumnException("crossed column over " + names(keys) + ": a hashed column ('"
                        + h.name() + "') cannot be crossed; use its key '" + h.key() + "' directly");
            }
            if (k instanceof WeightedCategoricalColumn w) {
                throw new FeatureColumnException("crossed column over " + names(keys) + ": weighted column '" + w.name()
                        + "' cannot be crossed; crosses have no weights");
            }
            if (!(k instanceof String) && !(k instanceof CategoricalColumn)) {
                throw new FeatureColumnException(
                        "crossed column keys must be raw feature names or categorical " + "columns, got " + k);
            }
        }
        this.keys = List.copyOf(keys);
        this.hashBucketSize = hashBucketSize;
        // TensorFlow uses `hash_key or _DEFAULT_HASH_KEY`, so 0 means the default too.
        this.hashKey = hashKey == null || hashKey == 0 ? DEFAULT_HASH_KEY : hashKey;
        List<Object> flat = new ArrayList<>();
        collectLeaves(this.keys, flat);
        this.leaves = List.copyOf(flat);
    }

    private static void collectLeaves(List<Object> keys, List<Object> into) {
        for (Object k : keys) {
            if (k instanceof CrossedColumn c) {
                collectLeaves(c.keys, into);
            } else {
                into.add(k);
            }
        }
    }

    private static List<String> names(List<?> keys) {
        return keys.stream()
                .map(k -> k instanceof FeatureColumn f ? f.name() : String.valueOf(k))
                .toList();
    }

    @Override
    public boolean isAdapted() {
        return leaves.stream().allMatch(l -> !(l instanceof FeatureColumn f) || f.isAdapted());
    }

    /** The same cross over other keys (adapt rebuilds crosses over adapted columns with it). */
    public CrossedColumn withKeys(List<?> newKeys) {
        return new CrossedColumn(newKeys, hashBucketSize, hashKey);
    }

    /** The keys as given: raw feature names (String) and categorical columns. */
    public List<Object> keys() {
        return keys;
    }

    public long hashBucketSize() {
        return hashBucketSize;
    }

    public long hashKey() {
        return hashKey;
    }

    /** TensorFlow's name: the leaf keys' names, sorted, joined by {@code _X_}. */
    @Override
    public String name() {
        return String.join(
                "_X_", names(leaves).stream().sorted(ColumnNames.ORDER).toList());
    }

    @Override
    public Set<String> rawKeys() {
        Set<String> raw = new LinkedHashSet<>();
        for (Object leaf : leaves) {
            if (leaf instanceof String s) {
                raw.add(s);
            } else {
                raw.addAll(((FeatureColumn) leaf).rawKeys());
            }
        }
        return raw;
    }

    @Override
    public long numBuckets() {
        return hashBucketSize;
    }

    @Override
    public SparseIds ids(TransformContext context) {
        return context.ids(this, () -> cross(context));
    }

    /** One leaf's values for a batch: per-row ranges of feature hashes. */
    private record Input(long[] hashes, int[] starts, int[] ends) {}

    private SparseIds cross(TransformContext context) {
        int n = context.numRows();
        List<Input> sparse = new ArrayList<>();
        List<Input> dense = new ArrayList<>();
        for (Object leaf : leaves) {
            if (leaf instanceof CategoricalColumn c) {
                SparseIds ids = c.ids(context);
                int[] starts = new int[n];
                int[] ends = new int[n];
                for (int r = 0; r < n; r++) {
                    starts[r] = ids.offsets()[r];
                    ends[r] = ids.offsets()[r + 1];
                }
                sparse.add(new Input(ids.ids(), starts, ends));
            } else {
                RawFeature raw = context.raw((String) leaf, this, RAW_TYPES);
                long[] hashes = raw.dtype() == DType.STRING ? raw.stringFingerprints() : raw.longs();
                int[] starts = new int[n];
                int[] ends = new int[n];
                for (int r = 0; r < n; r++) {
                    starts[r] = raw.start(r);
                    ends[r] = raw.end(r);
                }
                (raw.width() < 0 ? sparse : dense).add(new Input(hashes, starts, ends));
            }
        }
        List<Input> inputs = new ArrayList<>(sparse);
        inputs.addAll(dense);
        int k = inputs.size();
        int[] position = new int[k];
        SparseIds.Builder b = new SparseIds.Builder(n, n);
        for (int r = 0; r < n; r++) {
            boolean empty = false;
            for (int i = 0; i < k; i++) {
                Input in = inputs.get(i);
                position[i] = in.starts[r];
                empty |= in.starts[r] == in.ends[r];
            }
            while (!empty) {
                long hashed = hashKey;
                for (int i = 0; i < k; i++) {
                    hashed = TfFingerprint.fingerprintCat64(hashed, inputs.get(i).hashes[position[i]]);
                }
                b.add(TfFingerprint.bucket(hashed, hashBucketSize));
                // Odometer: the last input varies fastest, as in TensorFlow's ProductIterator.
                int i = k - 1;
                while (i >= 0) {
                    Input in = inputs.get(i);
                    if (++position[i] < in.ends[r]) {
                        break;
                    }
                    position[i] = in.starts[r];
                    i--;
                }
                empty = i < 0;
            }
            b.endRow();
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrossedColumn c
                && c.keys.equals(keys)
                && c.hashBucketSize == hashBucketSize
                && c.hashKey == hashKey;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, hashBucketSize, hashKey);
    }

    @Override
    public String toString() {
        return "CrossedColumn(keys=" + names(keys) + ", hash_bucket_size=" + hashBucketSize + ", hash_key=" + hashKey
                + ")";
    }
}
