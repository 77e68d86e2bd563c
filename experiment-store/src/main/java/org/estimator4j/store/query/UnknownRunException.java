package org.estimator4j.store.query;

import java.util.List;
import org.estimator4j.store.StoreException;

/** No run has the id (or id prefix) asked for, or a prefix names several runs ({@link #candidates()}). */
public final class UnknownRunException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final List<String> candidates;

    public UnknownRunException(String id, List<String> candidates) {
        super(
                candidates.isEmpty()
                        ? "no run has the id '" + id + "'"
                        : "the id prefix '" + id + "' matches " + candidates.size() + " runs: "
                                + String.join(", ", candidates)
                                + (candidates.size() >= RunQueries.MAX_CANDIDATES ? ", ..." : ""),
                candidates.isEmpty() ? "list run ids with e4j runs list" : "give more characters of the id");
        this.id = id;
        this.candidates = List.copyOf(candidates);
    }

    public String id() {
        return id;
    }

    /** The runs an ambiguous prefix matched (a few of them); empty when nothing matched. */
    public List<String> candidates() {
        return candidates;
    }
}
