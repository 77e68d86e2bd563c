/**
 * The experiment store: {@link ExperimentStore} records training runs in an H2 file (the default; see
 * {@link StoreLocation}) or in PostgreSQL, with a schema kept by Flyway migrations, and reads them back as
 * {@link Experiment}s, {@link Run}s, {@link RunInfo}s, {@link MetricPoint}s and {@link Artifact}s. A run is recorded
 * through {@link TrackedRun}, the store's {@link org.estimator4j.api.tracking.RunTracker}, which writes on a thread of
 * its own; {@link Provenance} collects what it takes to reproduce a run, and {@link EffectiveStatus},
 * {@link StoreCheck} and {@link StoreException} report on runs and stores. Searching runs is {@code store.query}'s job.
 * The {@code experiment-store} module depends on {@code api} ({@code api.tracking}, {@code api.internal}), JDBC drivers
 * and Flyway, never on {@code estimators} or {@code feature-columns}; only {@code cli} depends on it, and training
 * reports to it only through {@code api.tracking}'s {@code RunTracker}.
 */
package org.estimator4j.store;
