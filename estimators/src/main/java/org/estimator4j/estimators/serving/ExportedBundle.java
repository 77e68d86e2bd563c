package org.estimator4j.estimators.serving;

import java.nio.file.Path;

/**
 * What an export produced: the bundle directory, its manifest, and whether an identical bundle of the same step was
 * already there and was kept (exporting the same step twice is harmless and leaves the first bundle in place).
 */
public record ExportedBundle(Path directory, BundleManifest manifest, boolean alreadyExported) {}
