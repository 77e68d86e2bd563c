package org.estimator4j.bench.compare;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.estimator4j.bench.workloads.Contender;
import org.estimator4j.bench.workloads.WorkloadData;
import org.estimator4j.bench.workloads.WorkloadSession;

/** Estimator4J's side of bench/compare.sh: its premade estimators and exported-bundle predictor. */
final class Estimator4jContender implements Contender {
    @Override
    public String name() {
        return "estimator4j";
    }

    @Override
    public String threading() {
        return "OpenBLAS threads " + blasThreads() + " (OPENBLAS_NUM_THREADS="
                + System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "unset")
                + "); training loop and predictor on one Java thread";
    }

    /**
     * The threads OpenBLAS' products use: as set through javacpp, else OPENBLAS_NUM_THREADS, else one per core
     * (OpenBLAS' own default; javacpp answers -1 until a count is set).
     */
    static int blasThreads() {
        Loader.load(openblas_nolapack.class);
        int set = openblas_nolapack.blas_get_num_threads();
        if (set > 0) {
            return set;
        }
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        return env != null && env.matches("[1-9][0-9]*") ? Integer.parseInt(env) : Loader.totalProcessors();
    }

    @Override
    public WorkloadSession open(WorkloadData data) throws Exception {
        return new Estimator4jSession(data);
    }
}
