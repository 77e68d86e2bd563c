/**
 * Searching the experiment store: a filter language modelled on MLflow's {@code search_runs}, with {@code OR},
 * {@code NOT} and parentheses on top, compiled to parameterised SQL that runs unchanged on H2 and PostgreSQL.
 *
 * <p>Entry points: {@link org.estimator4j.store.query.FilterParser} turns text into a
 * {@link org.estimator4j.store.query.Filter} tree (or a {@link org.estimator4j.store.query.FilterSyntaxException}
 * that points at the mistake), {@link org.estimator4j.store.query.FilterCompiler} turns a tree into a
 * {@link org.estimator4j.store.query.SqlFragment}, and {@link org.estimator4j.store.query.RunQueries} runs whole
 * searches ({@link org.estimator4j.store.query.RunQuery}) on an {@link org.estimator4j.store.ExperimentStore}.
 *
 * <p>No user value ever becomes SQL text: values and metric / param / tag keys alike are bound parameters, and the
 * only SQL the compiler writes comes from a fixed set of templates.
 */
package org.estimator4j.store.query;
