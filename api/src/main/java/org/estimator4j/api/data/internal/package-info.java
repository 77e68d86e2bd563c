/**
 * The machinery behind the operations of {@link org.estimator4j.api.data.Dataset}: passes such as {@code ShufflePass},
 * {@code PrefetchPass}, {@code ParallelMapPass}, {@code InterleavePass}, {@code WindowPass} and the simple ones in
 * {@code Passes}; the caches {@code MemoryCache} and {@code FileCache}, with their typed codecs and {@code FileStamp}
 * fingerprints of source files; the in-memory sources of {@code Records}; and {@code AbandonedPasses}, which releases
 * passes dropped without being closed. As an {@code internal} package it is an implementation detail of the {@code api}
 * module, used by {@code api.data}, {@code api.csv.internal} and {@code api.json.internal}; it is not for users or
 * plugins and may change without notice. It depends on {@code api.data}, {@code api.table}, {@code api.input} and
 * {@code api.internal}.
 */
package org.estimator4j.api.data.internal;
