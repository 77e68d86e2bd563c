package org.estimator4j.store.query;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fuzz on a real PostgreSQL when {@code E4J_TEST_POSTGRES_URL} is set (see {@link RunSearchOnPostgresTest}), with
 * fewer random filters: every search opens a connection, which costs a round trip or three on PostgreSQL.
 */
class FilterFuzzOnPostgresTest extends FilterFuzzTest {
    @Override
    int randomFilters() {
        return 1_500;
    }

    @Override
    int randomSortKeys() {
        return 300;
    }

    @Override
    TestStore createStore() {
        String url = RunSearchOnPostgresTest.URL;
        assumeTrue(url != null && !url.isBlank(), "E4J_TEST_POSTGRES_URL is not set");
        return TestStore.postgres(url);
    }
}
