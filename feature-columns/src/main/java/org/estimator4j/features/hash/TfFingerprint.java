package org.estimator4j.features.hash;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * TensorFlow's hashing of feature values, bit for bit: {@code Fingerprint64} is FarmHash's fingerprint64 (Guava's
 * {@code farmHashFingerprint64} is the same function), and {@code FingerprintCat64} chains two fingerprints as in
 * {@code tensorflow/core/platform/fingerprint.h}. Hash buckets and crossed columns are built on these, so ids match
 * TensorFlow's.
 */
public final class TfFingerprint {
    private static final HashFunction FARM = Hashing.farmHashFingerprint64();
    private static final long K_MUL = 0xc6a4a7935bd1e995L;

    private TfFingerprint() {}

    /** {@code Fingerprint64} of the value's UTF-8 bytes. */
    public static long fingerprint64(String value) {
        return FARM.hashString(value, StandardCharsets.UTF_8).asLong();
    }

    /** {@code Fingerprint64} of bytes. */
    public static long fingerprint64(byte[] bytes) {
        return FARM.hashBytes(bytes).asLong();
    }

    /** {@code FingerprintCat64(fp1, fp2)}: combines two fingerprints, order-sensitively. */
    public static long fingerprintCat64(long fp1, long fp2) {
        long result = fp1 ^ K_MUL;
        result ^= shiftMix(fp2 * K_MUL) * K_MUL;
        result *= K_MUL;
        result = shiftMix(result) * K_MUL;
        result = shiftMix(result);
        return result;
    }

    private static long shiftMix(long v) {
        return v ^ (v >>> 47);
    }

    /** {@code value mod buckets} with the value read as unsigned, as TensorFlow's uint64 arithmetic does. */
    public static long bucket(long hash, long buckets) {
        return Long.remainderUnsigned(hash, buckets);
    }
}
