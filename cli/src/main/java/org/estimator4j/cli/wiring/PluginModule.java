package org.estimator4j.cli.wiring;

import com.google.inject.AbstractModule;
import org.estimator4j.api.plugin.host.ComponentRegistry;
import org.estimator4j.cli.plugins.PluginRegistries;

/**
 * The plugin registry: built-ins, class-path providers and the jars of the plugins folder, loaded by
 * {@link ComponentRegistry#load}. Commands and configs get it through {@link PluginRegistries}.
 */
public final class PluginModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(PluginRegistries.class).toInstance(ComponentRegistry::load);
    }
}
