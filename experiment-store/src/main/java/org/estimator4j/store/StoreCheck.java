package org.estimator4j.store;

import java.util.List;
import java.util.Map;

/**
 * What {@link ExperimentStore#check} found in a store, read without writing to it.
 *
 * @param location the store, for display (passwords masked)
 * @param schemaVersion the highest applied migration, or 0 when the schema history is missing
 * @param rowCounts rows per table (every row read), in schema order; tables that could not be read are missing
 * @param problems what is wrong, one sentence each; empty when the store is healthy
 * @param recovery what to do about the problems (back up, H2's recovery tool), or null when healthy
 */
public record StoreCheck(
        String location, int schemaVersion, Map<String, Long> rowCounts, List<String> problems, String recovery) {
    public StoreCheck {
        rowCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowCounts));
        problems = List.copyOf(problems);
    }

    /** No problems: every table there and every row readable. */
    public boolean healthy() {
        return problems.isEmpty();
    }
}
