/**
 * Reading newline-delimited JSON (one object per line) into rows: {@link JsonLinesOptions} names the files and
 * optionally a schema (otherwise types are inferred from the first lines) and a bad-row policy, and
 * {@link org.estimator4j.api.data.Dataset#fromJsonLines} turns the options into a dataset of
 * {@link org.estimator4j.api.table.Example}s. The reader itself is in {@code api.json.internal}. This package is part
 * of the user-facing {@code api} module, so users and the modules above {@code api} may use it. It depends on
 * {@code api.csv} (for {@link org.estimator4j.api.csv.BadRowPolicy}) and {@code api.table} only.
 */
package org.estimator4j.api.json;
