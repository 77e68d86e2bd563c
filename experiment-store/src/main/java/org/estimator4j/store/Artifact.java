package org.estimator4j.store;

/**
 * A file or directory a run produced, as it was when logged.
 *
 * @param path the absolute path
 * @param kind {@code checkpoint}, {@code bundle}, {@code plot}, {@code config} or {@code other}
 * @param sizeBytes the file's size, or the total size of a directory's files
 * @param sha256 the file's SHA-256 in hex; null for a directory
 * @param loggedMs when it was logged, UTC epoch milliseconds
 */
public record Artifact(String path, String kind, long sizeBytes, String sha256, long loggedMs) {}
