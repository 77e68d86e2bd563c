/**
 * How a training run reports to an experiment store without depending on one: {@link RunTracker} (params, metric
 * points, tags, artifacts, provenance, the final status) and {@link RunStatus}. The store module implements it.
 */
package org.estimator4j.api.tracking;
