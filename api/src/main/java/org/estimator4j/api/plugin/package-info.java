/**
 * What library code sees of plugins: {@link PluginComponent}, the wrapper a plugin jar's component comes in (unwrap it
 * before naming its class), {@link PluginException}, why plugins cannot be used as asked, and {@link CloseMatches},
 * which suggests the names a mistyped one may have meant. Hosting plugins (finding, loading, checking and creating
 * them) is {@code org.estimator4j.api.plugin.host}'s job, which only the CLI uses. The package depends on the JDK only.
 * {@code estimators} and {@code cli} use it; plugins never do, since they compile against {@code spi} alone.
 */
package org.estimator4j.api.plugin;
