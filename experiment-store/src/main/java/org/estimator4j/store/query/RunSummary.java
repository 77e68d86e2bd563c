package org.estimator4j.store.query;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.estimator4j.store.EffectiveStatus;
import org.estimator4j.store.MetricPoint;
import org.estimator4j.store.RunInfo;

/**
 * What a search returns for each run: its row ({@link RunInfo}: ids, name, experiment, status, times), params, tags
 * and the latest value of each metric. Artifacts and provenance are left out (a page may hold thousands of runs);
 * {@link org.estimator4j.store.ExperimentStore#getRun} has them. Maps are sorted by key and unmodifiable.
 */
public record RunSummary(
        RunInfo info, Map<String, String> params, Map<String, MetricPoint> metrics, Map<String, String> tags) {

    public RunSummary {
        Objects.requireNonNull(info, "info");
        params = sorted(params);
        metrics = sorted(metrics);
        tags = sorted(tags);
    }

    public String runId() {
        return info.runId();
    }

    /** The run's name, or null. */
    public String name() {
        return info.name();
    }

    public String experiment() {
        return info.experimentName();
    }

    /** The status to show: STALE for a RUNNING run whose process stopped beating. */
    public EffectiveStatus status() {
        return info.effectiveStatus();
    }

    /** The latest value of a metric, if the run logged it. */
    public OptionalDouble metric(String key) {
        MetricPoint p = metrics.get(key);
        return p == null ? OptionalDouble.empty() : OptionalDouble.of(p.value());
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
