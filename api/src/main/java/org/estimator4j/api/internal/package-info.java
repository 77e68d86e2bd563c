/**
 * Implementation details shared by Estimator4J's own modules: {@link Logs}, where every library module gets its SLF4J
 * loggers (and which logs nowhere when the application has no SLF4J provider). As an {@code internal} package it is not
 * for users or plugins, and it may change without notice. The {@code api} module and the modules above it
 * ({@code estimators}, {@code experiment-store}, ...) may use it; it depends on SLF4J and the JDK only.
 */
package org.estimator4j.api.internal;
