package org.estimator4j.estimators.head;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.table.Batch;

/** A classifier's {@code label_vocabulary}: label strings to class ids and back, validated once. */
final class LabelVocabulary {
    private final List<String> values;
    private final Map<String, Integer> ids;

    private LabelVocabulary(List<String> values) {
        this.values = values;
        this.ids = new HashMap<>(values.size() * 2);
        for (int i = 0; i < values.size(); i++) {
            Integer previous = ids.put(values.get(i), i);
            if (previous != null) {
                throw new IllegalArgumentException("label_vocabulary " + values + " holds '" + values.get(i)
                        + "' twice (positions " + previous + " and " + i + "); its entries must be unique");
            }
        }
    }

    /** Null for no vocabulary; otherwise checks there are {@code nClasses} unique, non-null entries. */
    static LabelVocabulary of(List<String> vocabulary, int nClasses) {
        if (vocabulary == null) {
            return null;
        }
        for (int i = 0; i < vocabulary.size(); i++) {
            if (vocabulary.get(i) == null) {
                throw new IllegalArgumentException("label_vocabulary entry " + i + " is null");
            }
        }
        List<String> copy = List.copyOf(vocabulary);
        if (copy.size() != nClasses) {
            throw new IllegalArgumentException("label_vocabulary " + copy + " has " + copy.size()
                    + " entries; it needs exactly n_classes = " + nClasses);
        }
        return new LabelVocabulary(copy);
    }

    List<String> values() {
        return values;
    }

    String get(int id) {
        return values.get(id);
    }

    /** The class id of {@code label}, read from row {@code row} of column {@code column} of {@code labels}. */
    int id(String label, Batch labels, int row, String column) {
        Integer id = ids.get(label);
        if (id == null) {
            throw new IllegalArgumentException(labels.rowName(row) + ": label '" + label + "' in column '" + column
                    + "' is not in label_vocabulary " + values);
        }
        return id;
    }
}
