package org.estimator4j.bench.tensorflow;

import org.estimator4j.bench.workloads.ContenderMain;

/**
 * The TensorFlow side of bench/compare.sh, run in its own JVM:
 * {@code java -jar estimator4j-bench-tensorflow.jar --data DIR --out FILE --round N ...} (options of
 * {@link ContenderMain}).
 */
public final class TensorFlowReference {
    private TensorFlowReference() {}

    public static void main(String[] args) throws Exception {
        ContenderMain.run(args, new TensorFlowContender());
    }
}
