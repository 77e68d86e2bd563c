package org.estimator4j.store.query;

/** Which runs a search sees: deleting a run only flags it, so it can be restored; searches skip it by default. */
public enum Lifecycle {
    ACTIVE_ONLY,
    DELETED_ONLY,
    ALL
}
