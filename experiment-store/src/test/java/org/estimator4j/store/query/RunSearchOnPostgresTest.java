package org.estimator4j.store.query;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same searches on a real PostgreSQL, when {@code E4J_TEST_POSTGRES_URL} names a database (.ci/run starts one;
 * each test works in a schema of its own and drops it), e.g. {@code jdbc:postgresql://localhost:5432/e4j?user=me}.
 * Skipped otherwise.
 */
class RunSearchOnPostgresTest extends RunSearchTest {
    static final String URL = System.getenv("E4J_TEST_POSTGRES_URL");

    @Override
    TestStore createStore() {
        assumeTrue(URL != null && !URL.isBlank(), "E4J_TEST_POSTGRES_URL is not set");
        return TestStore.postgres(URL);
    }
}
