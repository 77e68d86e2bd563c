package org.estimator4j.store.query;

/** A file a run produced, as recorded: path, kind (checkpoint, bundle, plot, config, other), size and SHA-256. */
public record ArtifactInfo(String path, String kind, long sizeBytes, String sha256, long loggedMs) {}
