/**
 * What every Estimator4J module shares: {@link org.estimator4j.api.Estimator4jException}, the base of the project's
 * exceptions (a problem and what to do about it). Every module may depend on it.
 */
package org.estimator4j.api;
