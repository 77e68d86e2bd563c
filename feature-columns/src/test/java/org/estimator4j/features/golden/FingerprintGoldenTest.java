package org.estimator4j.features.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.estimator4j.features.CrossedColumn;
import org.estimator4j.features.hash.TfFingerprint;
import org.junit.jupiter.api.Test;

/**
 * {@link TfFingerprint} against TensorFlow's own values: the raw (un-bucketed) outputs of {@code sparse_cross_hashed}
 * from {@code tensorflow/python/kernel_tests/sparse_ops/sparse_cross_op_test.py}, class {@code SparseCrossOpTest},
 * which pin Fingerprint64 (FarmHash) and FingerprintCat64 together, and the per-string buckets that the hash-bucket
 * and vocabulary tests of {@code feature_column_v2_test.py} imply.
 *
 * <p>The kernel (sparse_cross_op.cc, HashCrosser::Generate): {@code h = hash_key; for each feature:
 * h = FingerprintCat64(h, Fingerprint64(value)); out = h % num_buckets} (uint64), and with num_buckets 0 (the
 * default) {@code out = h % INT64_MAX}.
 */
class FingerprintGoldenTest {
    private static final long DEFAULT_HASH_KEY = 0xDECAFCAFFEL;
    private static final String[] FEATURES = {"batch1-FC1-F1", "batch1-FC2-F1", "batch1-FC3-F1"};

    private static long chain(long hashKey) {
        long h = hashKey;
        for (String f : FEATURES) {
            h = TfFingerprint.fingerprintCat64(h, TfFingerprint.fingerprint64(f));
        }
        return h;
    }

    /** sparse_ops._DEFAULT_HASH_KEY = 0xDECAFCAFFE. */
    @Test
    void defaultHashKey() {
        assertEquals(DEFAULT_HASH_KEY, CrossedColumn.DEFAULT_HASH_KEY);
        assertEquals(956888297470L, CrossedColumn.DEFAULT_HASH_KEY);
    }

    /** SparseCrossOpTest.test_hashed_zero_bucket_no_hash_key → [[1971693436396284976]]. */
    @Test
    void hashedZeroBucketNoHashKey() {
        assertEquals(1971693436396284976L, TfFingerprint.bucket(chain(DEFAULT_HASH_KEY), Long.MAX_VALUE));
    }

    /** SparseCrossOpTest.test_hashed_zero_bucket (hash_key=_DEFAULT_HASH_KEY + 1) → [[4847552627144134031]]. */
    @Test
    void hashedZeroBucket() {
        assertEquals(4847552627144134031L, TfFingerprint.bucket(chain(DEFAULT_HASH_KEY + 1), Long.MAX_VALUE));
    }

    /** SparseCrossOpTest.test_hashed_no_hash_key (num_buckets=100) → [[83]]. */
    @Test
    void hashedNoHashKey() {
        assertEquals(83, TfFingerprint.bucket(chain(DEFAULT_HASH_KEY), 100));
    }

    /** SparseCrossOpTest.test_hashed_output (num_buckets=100, hash_key=_DEFAULT_HASH_KEY + 1) → [[31]]. */
    @Test
    void hashedOutput() {
        assertEquals(31, TfFingerprint.bucket(chain(DEFAULT_HASH_KEY + 1), 100));
    }

    /**
     * string_to_hash_bucket_fast = Fingerprint64 mod n, unsigned: HashedCategoricalColumnTest
     * (test_strings_should_be_hashed: omar → 6, stringer → 4, marlo → 1 of 10; test_old_linear_model: marlo → 3,
     * skywalker → 2, omar → 2 of 4; OldLinearModelTest: stringer → 0 of 4; test_ints_should_be_hashed: "101" → 3,
     * "201" → 7, "301" → 5 of 10) and IndicatorColumnTest.test_1D_shape_succeeds ('fox' → 2 of 4).
     */
    @Test
    void stringToHashBucketFast() {
        assertEquals(6, TfFingerprint.bucket(TfFingerprint.fingerprint64("omar"), 10));
        assertEquals(4, TfFingerprint.bucket(TfFingerprint.fingerprint64("stringer"), 10));
        assertEquals(1, TfFingerprint.bucket(TfFingerprint.fingerprint64("marlo"), 10));
        assertEquals(3, TfFingerprint.bucket(TfFingerprint.fingerprint64("marlo"), 4));
        assertEquals(2, TfFingerprint.bucket(TfFingerprint.fingerprint64("skywalker"), 4));
        assertEquals(2, TfFingerprint.bucket(TfFingerprint.fingerprint64("omar"), 4));
        assertEquals(0, TfFingerprint.bucket(TfFingerprint.fingerprint64("stringer"), 4));
        assertEquals(3, TfFingerprint.bucket(TfFingerprint.fingerprint64("101"), 10));
        assertEquals(7, TfFingerprint.bucket(TfFingerprint.fingerprint64("201"), 10));
        assertEquals(5, TfFingerprint.bucket(TfFingerprint.fingerprint64("301"), 10));
        assertEquals(2, TfFingerprint.bucket(TfFingerprint.fingerprint64("fox"), 4));
    }

    /**
     * The OOV buckets of VocabularyListCategoricalColumnTest / VocabularyFileCategoricalColumnTest
     * (test_get_sparse_tensors_with_oov_buckets: 'skywalker' → 3 + 30, 'heisenberg' → 3 + 59 of 100;
     * test_get_sparse_tensors_int32_with_oov_buckets: 100 → 5 + 55, hashed as the string "100").
     */
    @Test
    void oovBuckets() {
        assertEquals(30, TfFingerprint.bucket(TfFingerprint.fingerprint64("skywalker"), 100));
        assertEquals(59, TfFingerprint.bucket(TfFingerprint.fingerprint64("heisenberg"), 100));
        assertEquals(55, TfFingerprint.bucket(TfFingerprint.fingerprint64("100"), 100));
    }

    /** The byte[] and String forms agree (UTF-8), also for non-ASCII text. */
    @Test
    void bytesAndStringAgree() {
        String s = "caf\u00e9 \u732b \ud83d\ude00";
        assertEquals(
                TfFingerprint.fingerprint64(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                TfFingerprint.fingerprint64(s));
    }
}
