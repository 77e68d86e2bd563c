package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Set;
import org.estimator4j.features.transform.TransformContext;

/**
 * {@code tf.feature_column.bucketized_column}: splits a numeric column at strictly increasing boundaries into
 * {@code len(boundaries) + 1} buckets, left-inclusive ({@code [b[i-1], b[i])}). As a dense column it is a one-hot
 * vector per source dimension; as a categorical column, dimension d's bucket ids are offset by
 * {@code d * (len(boundaries) + 1)}. Values compare as float32, like TensorFlow's Bucketize op, after the source
 * column's normalizer (TensorFlow buckets the transformed source too).
 */
public final class BucketizedColumn implements DenseColumn, CategoricalColumn {
    private final NumericColumn source;
    private final float[] boundaries;
    private final Integer quantileBuckets; // learn boundaries as quantiles; null for fixed boundaries

    BucketizedColumn(NumericColumn source, float[] boundaries, Integer quantileBuckets) {
        this.source = requireNonNull(source, "source is null");
        this.boundaries = boundaries.clone();
        this.quantileBuckets = quantileBuckets;
        if (quantileBuckets != null && quantileBuckets < 2) {
            throw new FeatureColumnException("bucketized column '" + name() + "': learned quantile buckets must be "
                    + ">= 2, got " + quantileBuckets);
        }
        if (boundaries.length == 0 && quantileBuckets == null) {
            throw new FeatureColumnException("bucketized column '" + name() + "': boundaries must not be empty");
        }
        if (source.shape().length != 1) {
            throw new FeatureColumnException("bucketized column '" + name() + "': the source column must be "
                    + "one-dimensional, but its shape is " + Arrays.toString(source.shape()));
        }
        for (int i = 1; i < boundaries.length; i++) {
            if (!(boundaries[i - 1] < boundaries[i])) {
                throw new FeatureColumnException("bucketized column '" + name() + "': boundaries must be strictly "
                        + "increasing, but " + boundaries[i - 1] + " is followed by " + boundaries[i] + " in "
                        + Arrays.toString(boundaries));
            }
        }
    }

    public NumericColumn source() {
        return source;
    }

    public float[] boundaries() {
        return boundaries.clone();
    }

    /** The same split at other boundaries (what {@code adapt} returns). */
    public BucketizedColumn withBoundaries(float[] b) {
        return new BucketizedColumn(source, b, quantileBuckets);
    }

    /** The same column over another source (adapt uses it when the source learned a normalizer). */
    public BucketizedColumn withSource(NumericColumn s) {
        return new BucketizedColumn(s, boundaries, quantileBuckets);
    }

    /** How many quantile buckets adapt learns boundaries for, or null for fixed boundaries. */
    public Integer quantileBuckets() {
        return quantileBuckets;
    }

    @Override
    public boolean isAdapted() {
        return boundaries.length > 0 && source.isAdapted();
    }

    private void checkAdapted() {
        if (boundaries.length == 0) {
            throw new FeatureColumnException("bucketized column '" + name() + "' learns its boundaries from data and "
                    + "has not been adapted yet: call FeatureColumnAdapter.adapt(columns, data) first");
        }
    }

    @Override
    public String name() {
        return source.name() + "_bucketized";
    }

    @Override
    public Set<String> rawKeys() {
        return source.rawKeys();
    }

    private int bucketsPerDimension() {
        return boundaries.length + 1;
    }

    @Override
    public long numBuckets() {
        checkAdapted();
        return (long) source.width() * bucketsPerDimension();
    }

    @Override
    public int width() {
        checkAdapted();
        return source.width() * bucketsPerDimension();
    }

    /**
     * The bucket of {@code v}: TensorFlow's Bucketize kernel, {@code std::upper_bound(boundaries, v)}, i.e. how many
     * boundaries are not greater than v. NaN compares false, so it goes to the last bucket, as in TensorFlow.
     */
    int bucket(float v) {
        int lo = 0;
        int hi = boundaries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (!(v < boundaries[mid])) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public SparseIds ids(TransformContext context) {
        return context.ids(this, () -> {
            int n = context.numRows();
            int w = source.width();
            SparseIds.Builder b = new SparseIds.Builder(n, n * w);
            float[] row = new float[w];
            for (int r = 0; r < n; r++) {
                source.values(context, r, row);
                for (int d = 0; d < w; d++) {
                    b.add(bucket(row[d]) + (long) d * bucketsPerDimension());
                }
                b.endRow();
            }
            return b.build();
        });
    }

    @Override
    public void writeDense(TransformContext context, float[] out, int stride, int offset) {
        SparseIds ids = ids(context);
        int width = width();
        for (int r = 0; r < context.numRows(); r++) {
            int o = r * stride + offset;
            Arrays.fill(out, o, o + width, 0f);
            for (int i = ids.offsets()[r]; i < ids.offsets()[r + 1]; i++) {
                out[o + (int) ids.ids()[i]] = 1f;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketizedColumn c
                && c.source.equals(source)
                && Arrays.equals(c.boundaries, boundaries)
                && java.util.Objects.equals(c.quantileBuckets, quantileBuckets);
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + Arrays.hashCode(boundaries);
    }

    @Override
    public String toString() {
        return "BucketizedColumn(source=" + source + ", boundaries=" + Arrays.toString(boundaries)
                + (quantileBuckets == null ? "" : ", quantile_buckets=" + quantileBuckets) + ")";
    }
}
