package org.estimator4j.store.query;

import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * Everything {@code e4j runs show} prints: the summary, plus the last heartbeat, the failure of a FAILED or KILLED run
 * (null otherwise), provenance (config, seed, data files, versions, host, git commit, ...) and artifacts.
 */
public record RunDetails(
        RunSummary summary,
        long heartbeatMs,
        String failure,
        Map<String, String> provenance,
        List<ArtifactInfo> artifacts) {

    public RunDetails {
        Objects.requireNonNull(summary, "summary");
        provenance = RunSummary.sorted(provenance);
        artifacts = List.copyOf(artifacts);
    }
}
