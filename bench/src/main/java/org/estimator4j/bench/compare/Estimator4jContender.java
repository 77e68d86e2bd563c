package org.estimator4j.bench.compare;

import org.estimator4j.bench.workloads.Contender;
import org.estimator4j.bench.workloads.WorkloadData;
import org.estimator4j.bench.workloads.WorkloadSession;
import org.estimator4j.estimators.internal.LaneWorkers;

/** Estimator4J's side of bench/compare.sh: its premade estimators and exported-bundle predictor. */
final class Estimator4jContender implements Contender {
    @Override
    public String name() {
        return "estimator4j";
    }

    @Override
    public String threading() {
        return "training batches split over " + LaneWorkers.SHARED.parallelism() + " threads by rows (DNN), "
                + "OpenBLAS 1 thread per call, " + SgemmCeiling.kernels() + "; predictor calls on the calling thread";
    }

    @Override
    public WorkloadSession open(WorkloadData data) throws Exception {
        return new Estimator4jSession(data);
    }
}
