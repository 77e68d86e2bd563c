/**
 * The core of the plugin contract that plugin jars compile against: {@link ComponentProvider}, the named factory a
 * plugin registers for {@link java.util.ServiceLoader}, with {@link ComponentKind}, the parameter declarations
 * {@link ParameterSpec} and {@link ParameterType}, the checked {@link Parameters} a component is created with, and
 * {@link SpiVersion}. The contracts of each kind of component live in the subpackages {@code layer}, {@code loss},
 * {@code metric} and {@code callback}. The {@code spi} module is the bottom of the dependency graph: it depends on the
 * JDK only, and {@code api}, every module above it and every plugin jar may depend on it. A plugin's class loader
 * shares only the JDK and the {@code org.estimator4j.spi} packages with the host, so nothing here may refer to another
 * Estimator4J module.
 */
package org.estimator4j.spi;
