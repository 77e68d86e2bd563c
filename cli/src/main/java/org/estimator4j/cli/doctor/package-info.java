/**
 * {@code e4j doctor}: {@link DoctorCommand} runs each {@link Check} of the runtime a training run needs and prints one
 * OK/WARN/FAIL line per {@link CheckResult} ({@link Status}). The checks: {@link JavaVersionCheck}, {@link HeapCheck},
 * {@link ProcessorsCheck}, {@link CpuFlagsCheck}, {@link Nd4jBackendCheck}, {@link OmpWaitPolicyCheck} and
 * {@link OpenBlasKernelsCheck}. The package depends on ND4J and on the estimators module's
 * {@link org.estimator4j.estimators.dnn.OpenBlasKernels}; only the root command refers to it.
 */
package org.estimator4j.cli.doctor;
