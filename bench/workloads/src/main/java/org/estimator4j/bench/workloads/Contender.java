package org.estimator4j.bench.workloads;

/**
 * One side of the comparison (Estimator4J, or the TensorFlow-Java reference), run in its own JVM by
 * {@link ContenderMain}.
 */
public interface Contender {
    /** The side's name in the results: {@code estimator4j} or {@code tensorflow}. */
    String name();

    /** How the side uses threads, for the report (BLAS threads, TensorFlow's intra- and inter-op pools). */
    String threading();

    /** A fresh model of the data's workload, ready to train. */
    WorkloadSession open(WorkloadData data) throws Exception;
}
