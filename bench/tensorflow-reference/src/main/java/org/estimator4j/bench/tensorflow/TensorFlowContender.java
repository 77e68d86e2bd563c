package org.estimator4j.bench.tensorflow;

import org.estimator4j.bench.workloads.Contender;
import org.estimator4j.bench.workloads.WorkloadData;
import org.estimator4j.bench.workloads.WorkloadSession;

/**
 * TensorFlow-Java, graph mode: one {@link WorkloadModel} per workload, run by a session with the default
 * configuration.
 */
public final class TensorFlowContender implements Contender {
    @Override
    public String name() {
        return "tensorflow";
    }

    /**
     * The session's ConfigProto leaves both pool sizes at 0, which TensorFlow resolves to one thread per schedulable
     * core; TensorFlow-Java does not expose the resolved sizes (its log line "Creating new thread pool with default
     * inter op setting: N" reports the inter-op one).
     */
    @Override
    public String threading() {
        int cores = Runtime.getRuntime().availableProcessors();
        return "intra-op " + cores + ", inter-op " + cores + " (TensorFlow defaults on " + cores
                + " cores: ConfigProto intra_op/inter_op_parallelism_threads 0)";
    }

    @Override
    public WorkloadSession open(WorkloadData data) {
        return new TensorFlowSession(data, new WorkloadModel(data.workload(), 42));
    }
}
