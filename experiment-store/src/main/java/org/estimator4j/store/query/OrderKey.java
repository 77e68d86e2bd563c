package org.estimator4j.store.query;

import java.util.Objects;

/**
 * One sort key of a search: a field and a direction. Runs that lack the field (no such metric, param or tag, no end
 * time) sort after the others in both directions, so {@code metrics.auc DESC} starts with the best run that has an
 * AUC, not with the runs that have none.
 */
public record OrderKey(Field field, boolean ascending) {

    public OrderKey {
        Objects.requireNonNull(field, "field");
    }

    public static OrderKey ascending(Field field) {
        return new OrderKey(field, true);
    }

    public static OrderKey descending(Field field) {
        return new OrderKey(field, false);
    }

    @Override
    public String toString() {
        return field + (ascending ? " ASC" : " DESC");
    }
}
