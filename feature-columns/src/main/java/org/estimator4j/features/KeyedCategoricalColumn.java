package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.transform.RawFeature;
import org.estimator4j.features.transform.TransformContext;

/**
 * A categorical column that maps each value of one raw feature to an id on its own: vocabulary, identity and hash
 * bucket columns. A missing or empty row has no ids; a multivalent row has one id per value, in order.
 *
 * <p>As TensorFlow's {@code _to_sparse_input_and_drop_ignore_values} does, a dense (scalar or fixed-shape) input drops
 * its ignore values first: {@code ''} for strings and {@code -1} for integers mean "no value" there. A variable-length
 * input is TensorFlow's SparseTensor and keeps every value.
 */
abstract sealed class KeyedCategoricalColumn implements CategoricalColumn
        permits VocabularyListColumn, VocabularyFileColumn, IdentityColumn, HashBucketColumn {
    private final String key;
    private final DType dtype;

    KeyedCategoricalColumn(String key, DType dtype) {
        this.key = requireNonNull(key, "key is null");
        this.dtype = requireNonNull(dtype, "dtype is null");
        if (dtype != DType.STRING && dtype != DType.INT64) {
            throw new FeatureColumnException(
                    "categorical column '" + key + "': dtype must be string or int64, got " + dtype.tfName());
        }
    }

    public final String key() {
        return key;
    }

    /** The raw feature's type: string or int64. */
    public final DType dtype() {
        return dtype;
    }

    @Override
    public String name() {
        return key;
    }

    @Override
    public final Set<String> rawKeys() {
        return Set.of(key);
    }

    /** The id of a string value. */
    abstract long idOf(String value, long fingerprint);

    /** The id of an int64 value. */
    abstract long idOf(long value, long fingerprintOfDecimal);

    /** Whether {@link #idOf} needs the value's fingerprint (hash and OOV buckets); computed only if so. */
    abstract boolean needsFingerprints();

    @Override
    public final SparseIds ids(TransformContext context) {
        SparseIds cached = context.cachedIds(this);
        return cached != null ? cached : context.cacheIds(this, compute(context));
    }

    private SparseIds compute(TransformContext context) {
        RawFeature raw = context.raw(key, this, dtype);
        int n = context.numRows();
        long[] fp = needsFingerprints() ? raw.stringFingerprints() : null;
        int width = raw.width();
        if (width < 0) {
            return computeRagged(raw, n, fp);
        }
        // A fixed shape: at most width ids a row, so the arrays are sized once, and a row's values sit at r * width.
        int[] offsets = new int[n + 1];
        long[] ids = new long[Math.max(n * width, 1)];
        int size = 0;
        if (dtype == DType.STRING && width == 1 && !raw.anyMissing()) {
            // The common scalar string input (vocabulary and hash columns): one value a row.
            String[] values = raw.strings();
            for (int r = 0; r < n; r++) {
                String v = values[r];
                if (!v.isEmpty()) { // '' is TensorFlow's ignore value for dense string input
                    ids[size++] = idOf(v, fp == null ? 0 : fp[r]);
                }
                offsets[r + 1] = size;
            }
        } else if (dtype == DType.STRING) {
            String[] values = raw.strings();
            for (int r = 0; r < n; r++) {
                if (!raw.isMissing(r)) {
                    for (int i = r * width, end = i + width; i < end; i++) {
                        if (!values[i].isEmpty()) { // '' is TensorFlow's ignore value for dense string input
                            ids[size++] = idOf(values[i], fp == null ? 0 : fp[i]);
                        }
                    }
                }
                offsets[r + 1] = size;
            }
        } else if (width == 1 && fp == null && !raw.anyMissing()) {
            // The common scalar int64 input (identity columns, ids already computed upstream): one value a row.
            long[] values = raw.longs();
            for (int r = 0; r < n; r++) {
                long v = values[r];
                if (v != -1) { // -1 is TensorFlow's ignore value for dense integer input
                    ids[size++] = idOf(v, 0);
                }
                offsets[r + 1] = size;
            }
        } else {
            long[] values = raw.longs();
            for (int r = 0; r < n; r++) {
                if (!raw.isMissing(r)) {
                    for (int i = r * width, end = i + width; i < end; i++) {
                        if (values[i] != -1) { // -1 is TensorFlow's ignore value for dense integer input
                            ids[size++] = idOf(values[i], fp == null ? 0 : fp[i]);
                        }
                    }
                }
                offsets[r + 1] = size;
            }
        }
        return new SparseIds(n, offsets, ids, null);
    }

    /** A variable-length input (TensorFlow's SparseTensor): every value is kept. */
    private SparseIds computeRagged(RawFeature raw, int n, long[] fp) {
        SparseIds.Builder b = new SparseIds.Builder(n, n);
        if (dtype == DType.STRING) {
            String[] values = raw.strings();
            for (int r = 0; r < n; r++) {
                for (int i = raw.start(r), end = raw.end(r); i < end; i++) {
                    b.add(idOf(values[i], fp == null ? 0 : fp[i]));
                }
                b.endRow();
            }
        } else {
            long[] values = raw.longs();
            for (int r = 0; r < n; r++) {
                for (int i = raw.start(r), end = raw.end(r); i < end; i++) {
                    b.add(idOf(values[i], fp == null ? 0 : fp[i]));
                }
                b.endRow();
            }
        }
        return b.build();
    }
}
