package org.estimator4j.bench.tensorflow;

import org.estimator4j.bench.workloads.Contender;
import org.estimator4j.bench.workloads.WorkloadData;
import org.estimator4j.bench.workloads.WorkloadSession;

/**
 * TensorFlow-Java, graph mode: one {@link WorkloadModel} per workload, run by a session whose only configuration is
 * its {@link SessionThreads} (TensorFlow's defaults unless system properties say otherwise).
 */
public final class TensorFlowContender implements Contender {
    private final SessionThreads threads = SessionThreads.fromSystemProperties();

    @Override
    public String name() {
        return "tensorflow";
    }

    @Override
    public String threading() {
        return threads.describe(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public WorkloadSession open(WorkloadData data) {
        return new TensorFlowSession(data, new WorkloadModel(data.workload(), 42), threads);
    }
}
