package org.estimator4j.api.tracking;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link RunTracker#noop()}: checks its arguments like a real tracker, then forgets them. */
final class NoopRunTracker implements RunTracker {
    private final AtomicBoolean ended = new AtomicBoolean();

    @Override
    public String runId() {
        return "00000000000000000000000000000000";
    }

    @Override
    public void logParam(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public void logMetric(String key, double value, long step) {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public void setTag(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public void logArtifact(Path path, String kind) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public void logProvenance(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public void flush() {}

    @Override
    public void end(RunStatus status, String failure) {
        Objects.requireNonNull(status, "status");
        ended.set(true);
    }

    @Override
    public boolean isEnded() {
        return ended.get();
    }
}
