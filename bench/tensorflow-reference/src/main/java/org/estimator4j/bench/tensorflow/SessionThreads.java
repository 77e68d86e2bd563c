package org.estimator4j.bench.tensorflow;

import org.tensorflow.proto.ConfigProto;

/**
 * The session's thread pools: ConfigProto's {@code intra_op_parallelism_threads} and
 * {@code inter_op_parallelism_threads}. Both 0 (TensorFlow's defaults, one thread per schedulable core) unless the
 * JVM is given {@code -Dtensorflow.intra_op=N} / {@code -Dtensorflow.inter_op=N}; inter-op -1 runs each step's ops
 * on the calling thread instead of handing them to the inter-op pool.
 */
record SessionThreads(int intraOp, int interOp) {

    static SessionThreads fromSystemProperties() {
        return new SessionThreads(
                Integer.getInteger("tensorflow.intra_op", 0), Integer.getInteger("tensorflow.inter_op", 0));
    }

    ConfigProto config() {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOp)
                .setInterOpParallelismThreads(interOp)
                .build();
    }

    /**
     * For the results: TensorFlow-Java does not expose the pool sizes it resolves, so a 0 is reported as the default
     * it stands for on {@code cores} cores (one per core, with or without oneDNN on a 2-core machine).
     */
    String describe(int cores) {
        String intra = intraOp == 0 ? cores + " (default)" : Integer.toString(intraOp);
        String inter = interOp == 0
                ? cores + " (default)"
                : interOp < 0 ? interOp + " (ops run on the calling thread)" : Integer.toString(interOp);
        return "intra-op " + intra + ", inter-op " + inter + " on " + cores + " cores";
    }
}
