package org.estimator4j.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.estimator4j.api.tracking.RunStatus;

/**
 * Everything recorded about one run: its row ({@link #info()}), params, tags, the latest value of each metric,
 * artifacts and provenance. Maps are sorted by key and unmodifiable. The full history of a metric is
 * {@link ExperimentStore#metricHistory(String, String)}.
 */
public record Run(
        RunInfo info,
        Map<String, String> params,
        Map<String, String> tags,
        Map<String, MetricPoint> latestMetrics,
        List<Artifact> artifacts,
        Map<String, String> provenance) {

    public Run {
        params = sorted(params);
        tags = sorted(tags);
        latestMetrics = sorted(latestMetrics);
        artifacts = List.copyOf(artifacts);
        provenance = sorted(provenance);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    public String runId() {
        return info.runId();
    }

    public String experimentName() {
        return info.experimentName();
    }

    public String name() {
        return info.name();
    }

    public RunStatus status() {
        return info.status();
    }

    public EffectiveStatus effectiveStatus() {
        return info.effectiveStatus();
    }

    /** The reason a FAILED or KILLED run ended, or null. */
    public String failure() {
        return info.failure();
    }

    /** The latest value of a metric, or null when the run never logged it. */
    public Double metric(String key) {
        MetricPoint p = latestMetrics.get(key);
        return p == null ? null : p.value();
    }
}
