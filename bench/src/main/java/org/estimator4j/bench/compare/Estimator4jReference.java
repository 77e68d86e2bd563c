package org.estimator4j.bench.compare;

import org.estimator4j.bench.workloads.ContenderMain;

/**
 * Estimator4J's JVM in bench/compare.sh (TensorFlow's runs next, in its own JVM, over the same data files):
 * {@code java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.compare.Estimator4jReference --data DIR
 * --out FILE --round N}; see {@link ContenderMain} for the options.
 */
public final class Estimator4jReference {
    private Estimator4jReference() {}

    public static void main(String[] args) throws Exception {
        ContenderMain.run(args, new Estimator4jContender());
    }
}
