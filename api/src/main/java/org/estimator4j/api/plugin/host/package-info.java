/**
 * Plugin hosting: what a process that runs plugins (the CLI) uses to find, check and create them.
 * {@link ComponentRegistry} indexes every component provider by kind and name; {@code ProviderDiscovery} finds them
 * on the class path and in a plugins folder's jars, each jar loaded by its own child-first {@code PluginClassLoader}
 * that shares only the JDK and {@code org.estimator4j.spi} with the host; {@code ProviderCheck} refuses providers of
 * another SPI version or with bad declarations; {@code ParameterValues} checks the parameters a config gives;
 * {@code ComponentCreation} creates components and wraps those of plugin jars. {@link PluginInfo} describes every
 * provider found, failed ones included. The package depends on the {@code spi} module, {@code org.estimator4j.api.plugin}
 * (the exception and wrapper types library code sees) and the JDK. Only {@code cli} may use it (an ArchUnit rule in
 * cli's tests keeps it so): library code receives created components, never the registry.
 */
package org.estimator4j.api.plugin.host;
