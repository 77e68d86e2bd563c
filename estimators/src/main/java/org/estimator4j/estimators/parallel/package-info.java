/**
 * The worker threads that run one training batch's lanes side by side: {@link LaneWorkers}, one thread per core beyond
 * the caller's, shared by the JVM ({@code LaneWorkers.SHARED}). Hand-offs must cost microseconds, so a worker spins
 * briefly for its next task before it parks, and a model that finds the workers busy runs its lanes on its own thread.
 * The package depends on the JDK alone; the {@code dnn} package's {@code DnnPart} splits its batches over these
 * workers, and the benchmarks report their parallelism.
 */
package org.estimator4j.estimators.parallel;
