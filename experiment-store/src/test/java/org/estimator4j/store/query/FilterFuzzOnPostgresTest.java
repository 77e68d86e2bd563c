package org.estimator4j.store.query;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The fuzz on a real PostgreSQL when {@code E4J_TEST_POSTGRES_URL} is set (see {@link RunSearchOnPostgresTest}). */
class FilterFuzzOnPostgresTest extends FilterFuzzTest {
    @Override
    TestStore createStore() {
        String url = RunSearchOnPostgresTest.URL;
        assumeTrue(url != null && !url.isBlank(), "E4J_TEST_POSTGRES_URL is not set");
        return TestStore.postgres(url);
    }
}
