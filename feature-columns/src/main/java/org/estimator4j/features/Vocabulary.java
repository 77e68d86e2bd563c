package org.estimator4j.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.hash.TfFingerprint;

/**
 * The lookup behind vocabulary columns, with TensorFlow's rules: a value's id is its position in the vocabulary; an
 * unknown value goes to {@code size + Fingerprint64(value) mod num_oov_buckets} when there are OOV buckets, else to
 * default_value (-1 by default, which consumers skip). Integer vocabularies hash unknown values as decimal strings.
 */
final class Vocabulary {
    private final String column;
    private final List<String> entries; // int64 vocabularies keep their decimal strings too, for JSON and errors
    private final DType dtype;
    private final long defaultValue;
    private final long numOovBuckets;
    private final Map<String, Integer> stringIndex;
    private final Map<Long, Integer> longIndex;

    Vocabulary(String column, List<?> values, DType dtype, long defaultValue, long numOovBuckets) {
        this.column = column;
        this.dtype = dtype;
        if (values.isEmpty()) {
            throw new FeatureColumnException("vocabulary column '" + column + "': the vocabulary is empty");
        }
        if (numOovBuckets < 0) {
            throw new FeatureColumnException(
                    "vocabulary column '" + column + "': num_oov_buckets must be >= 0, got " + numOovBuckets);
        }
        if (numOovBuckets > 0 && defaultValue != -1) {
            throw new FeatureColumnException("vocabulary column '" + column + "': give default_value or "
                    + "num_oov_buckets, not both (TensorFlow refuses the combination)");
        }
        this.defaultValue = defaultValue;
        this.numOovBuckets = numOovBuckets;
        if (dtype == DType.STRING) {
            this.stringIndex = new HashMap<>(values.size() * 2);
            this.longIndex = null;
            for (int i = 0; i < values.size(); i++) {
                if (!(values.get(i) instanceof String s)) {
                    throw new FeatureColumnException(
                            "vocabulary column '" + column + "' is string, but entry " + i + " is " + values.get(i));
                }
                if (stringIndex.putIfAbsent(s, i) != null) {
                    throw new FeatureColumnException(
                            "vocabulary column '" + column + "': '" + s + "' appears twice in the vocabulary");
                }
            }
            this.entries = values.stream().map(String.class::cast).toList();
        } else if (dtype == DType.INT64) {
            this.stringIndex = null;
            this.longIndex = new HashMap<>(values.size() * 2);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                long l;
                if (v instanceof Number n && n.doubleValue() == n.longValue()) {
                    l = n.longValue();
                } else if (v instanceof String s) {
                    try {
                        l = Long.parseLong(s.strip());
                    } catch (NumberFormatException e) {
                        throw new FeatureColumnException(
                                "vocabulary column '" + column + "' is int64, but entry " + i + " is '" + s + "'");
                    }
                } else {
                    throw new FeatureColumnException(
                            "vocabulary column '" + column + "' is int64, but entry " + i + " is " + v);
                }
                if (longIndex.putIfAbsent(l, i) != null) {
                    throw new FeatureColumnException(
                            "vocabulary column '" + column + "': " + l + " appears twice in the vocabulary");
                }
            }
            this.entries = values.stream()
                    .map(v -> v instanceof String s ? s.strip() : String.valueOf(((Number) v).longValue()))
                    .toList();
        } else {
            throw new FeatureColumnException(
                    "vocabulary column '" + column + "': dtype must be string or int64, got " + dtype.tfName());
        }
    }

    List<String> entries() {
        return entries;
    }

    /** The int64 entries as numbers (for JSON), or the strings. */
    List<Object> values() {
        return dtype == DType.INT64
                ? entries.stream().<Object>map(Long::parseLong).toList()
                : List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    long defaultValue() {
        return defaultValue;
    }

    long numOovBuckets() {
        return numOovBuckets;
    }

    long numBuckets() {
        return entries.size() + numOovBuckets;
    }

    long idOf(String value, long fingerprint) {
        Integer i = stringIndex.get(value);
        return i != null ? i : unknown(fingerprint);
    }

    long idOf(long value, long fingerprintOfDecimal) {
        Integer i = longIndex.get(value);
        return i != null ? i : unknown(fingerprintOfDecimal);
    }

    private long unknown(long fingerprint) {
        return numOovBuckets > 0 ? entries.size() + TfFingerprint.bucket(fingerprint, numOovBuckets) : defaultValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v
                && v.entries.equals(entries)
                && v.dtype == dtype
                && v.defaultValue == defaultValue
                && v.numOovBuckets == numOovBuckets;
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "vocabulary of " + entries.size() + " " + dtype.tfName() + " values";
    }

    String column() {
        return column;
    }
}
