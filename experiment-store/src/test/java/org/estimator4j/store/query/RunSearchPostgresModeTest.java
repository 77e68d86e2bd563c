package org.estimator4j.store.query;

/**
 * The same searches on H2 in PostgreSQL compatibility mode, with lower-case identifiers as PostgreSQL folds them: a
 * cheap, always-on check that the SQL stays within what both databases read. {@link RunSearchOnPostgresTest} runs
 * them on a real PostgreSQL when one is configured.
 */
class RunSearchPostgresModeTest extends RunSearchTest {
    @Override
    TestStore createStore() {
        return TestStore.h2(dir, ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
