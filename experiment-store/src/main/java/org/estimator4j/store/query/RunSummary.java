package org.estimator4j.store.query;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a search returns for each run: its attributes, params, tags and the latest value of each metric. Maps are
 * sorted by key and unmodifiable. {@code name}, {@code endMs} (a running run) and {@code parentRunId} may be null.
 */
public record RunSummary(
        String runId,
        String name,
        long experimentId,
        String experiment,
        String status,
        long startMs,
        Long endMs,
        String parentRunId,
        boolean deleted,
        Map<String, String> params,
        Map<String, MetricPoint> metrics,
        Map<String, String> tags) {

    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(status, "status");
        params = sorted(params);
        metrics = sorted(metrics);
        tags = sorted(tags);
    }

    /** The latest value of a metric, if the run logged it. */
    public OptionalDouble metric(String key) {
        MetricPoint p = metrics.get(key);
        return p == null ? OptionalDouble.empty() : OptionalDouble.of(p.value());
    }

    static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
