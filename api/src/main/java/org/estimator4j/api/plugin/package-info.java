/**
 * The host side of the plugin system: {@link ComponentRegistry} finds the component providers on the class path and in
 * a plugins folder's jars, checks the parameters a config gives, and creates losses, metrics, layers and callbacks by
 * name; {@link PluginInfo} describes every provider found (failed ones included), and {@link PluginException} says why
 * plugins cannot be used as asked. Each plugin jar gets its own child-first class loader that shares only the JDK and
 * {@code org.estimator4j.spi} with the host, and its components are handed out wrapped as {@link PluginComponent}s;
 * {@link CloseMatches} suggests the names a mistyped one may have meant. The package depends on the {@code spi} module
 * and the JDK only. {@code estimators} and {@code cli} use it; plugins never do, since they compile against {@code spi}
 * alone.
 */
package org.estimator4j.api.plugin;
