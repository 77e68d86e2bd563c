/**
 * The estimators module's engine, shared by its packages and no part of its API: {@link LaneWorkers}, the worker
 * threads that run one training batch's lanes side by side, one thread per core beyond the caller's, shared by the JVM
 * ({@code LaneWorkers.SHARED}). Hand-offs must cost microseconds, so a worker spins briefly for its next task before it
 * parks, and a model that finds the workers busy runs its lanes on its own thread. The package depends on the JDK
 * alone. Only {@code org.estimator4j.estimators} packages may use it (an ArchUnit rule in cli's tests keeps it so): the
 * {@code dnn} package's {@code DnnPart} splits its batches over these workers. The benchmarks, which measure the
 * engine, report their parallelism.
 */
package org.estimator4j.estimators.internal;
