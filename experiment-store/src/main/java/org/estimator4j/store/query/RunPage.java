package org.estimator4j.store.query;

import java.util.List;
import java.util.Optional;

/** One page of search results, and the token that fetches the next page when there are more runs. */
public record RunPage(List<RunSummary> runs, Optional<String> nextPageToken) {

    public RunPage {
        runs = List.copyOf(runs);
    }
}
