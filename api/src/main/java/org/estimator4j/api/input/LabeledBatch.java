package org.estimator4j.api.input;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.estimator4j.api.table.Batch;

/**
 * What an input function yields: a batch of feature columns and the matching label columns ({@code labels} has no
 * columns in PREDICT mode). Both have the same number of rows.
 *
 * @since 0.1.0
 */
public record LabeledBatch(Batch features, Batch labels) {
    public LabeledBatch {
        requireNonNull(features, "features is null");
        requireNonNull(labels, "labels is null");
        if (features.numRows() != labels.numRows()) {
            throw new IllegalArgumentException(
                    "features have " + features.numRows() + " rows, labels " + labels.numRows());
        }
    }

    /** Splits a batch into features (every other column) and labels (the named columns, in the order given). */
    public static LabeledBatch split(Batch batch, List<String> labelColumns) {
        return new LabeledBatch(batch.drop(labelColumns), batch.select(labelColumns));
    }

    public int numRows() {
        return features.numRows();
    }
}
