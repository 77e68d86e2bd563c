package org.estimator4j.store.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The run attributes a filter or sort key can name after {@code attributes.}: the columns of {@code runs} (and the
 * experiment's name), under MLflow's names. Times are epoch milliseconds.
 */
public enum Attribute {
    RUN_ID("run_id", false, false, "r.run_id"),
    RUN_NAME("run_name", false, true, "r.name", "name"),
    STATUS("status", false, false, "r.status"),
    START_TIME("start_time", true, false, "r.start_ms"),
    END_TIME("end_time", true, true, "r.end_ms"),
    EXPERIMENT("experiment", false, false, "e.name", "experiment_name"),
    EXPERIMENT_ID("experiment_id", true, false, "r.experiment_id"),
    PARENT_RUN_ID("parent_run_id", false, true, "r.parent_run_id");

    private final String canonicalName;
    private final boolean numeric;
    private final boolean nullable;
    private final String column;
    private final String[] aliases;

    Attribute(String canonicalName, boolean numeric, boolean nullable, String column, String... aliases) {
        this.canonicalName = canonicalName;
        this.numeric = numeric;
        this.nullable = nullable;
        this.column = column;
        this.aliases = aliases;
    }

    public String canonicalName() {
        return canonicalName;
    }

    /** Numbers (whole: epoch ms and ids) rather than strings. */
    public boolean numeric() {
        return numeric;
    }

    /** Whether a run may lack the value (a running run has no end time). */
    public boolean nullable() {
        return nullable;
    }

    /**
     * The SQL column, over the aliases {@code r} (runs) and {@code e} (experiments). A fixed string, never input. For
     * {@link #STATUS} it is the recorded status; searches compare {@link #EFFECTIVE_STATUS} instead.
     */
    String column() {
        return column;
    }

    /**
     * The status readers show ({@link org.estimator4j.store.EffectiveStatus}), in SQL: STALE for a RUNNING run whose
     * heartbeat is older than the one bound parameter (now minus the store's stale threshold), else the recorded
     * status. Portable between H2 and PostgreSQL.
     */
    static final String EFFECTIVE_STATUS =
            "CASE WHEN r.status = 'RUNNING' AND r.heartbeat_ms < ? THEN 'STALE' ELSE r.status END";

    /** Finds an attribute by its name or an alias, ignoring case. */
    public static Optional<Attribute> byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Attribute a : values()) {
            if (a.canonicalName.equals(lower) || Arrays.asList(a.aliases).contains(lower)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    static String unknownMessage(String name) {
        return "there is no run attribute '" + name + "'; attributes are "
                + Arrays.stream(values()).map(Attribute::canonicalName).collect(Collectors.joining(", "));
    }
}
