/**
 * TensorFlow's hashing of feature values, bit for bit: {@link TfFingerprint} provides {@code Fingerprint64} (FarmHash's
 * fingerprint64, through Guava) and {@code FingerprintCat64}, and the unsigned bucket of a hash. Hash bucket columns,
 * vocabulary columns' out-of-vocabulary buckets, crossed columns and {@code features.transform}'s raw features hash
 * with it, so their ids match TensorFlow's. It depends on the JDK and Guava only, and it serves the rest of the
 * {@code feature-columns} module.
 */
package org.estimator4j.features.hash;
