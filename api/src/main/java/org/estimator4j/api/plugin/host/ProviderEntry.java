package org.estimator4j.api.plugin.host;

import org.estimator4j.spi.ComponentProvider;

/**
 * A provider the registry found. {@code provider} is null when it could not be constructed; {@code loader} is its
 * plugin jar's class loader, null for the class path; {@code named} says whether {@code info.name()} is the
 * provider's own name (so configs can refer to it) rather than a class or jar name.
 */
record ProviderEntry(
        PluginInfo info, String className, ComponentProvider<?> provider, PluginClassLoader loader, boolean named) {

    /** How errors name the provider: {@code loss 'acme.focal_loss' (acme.jar)}. */
    String label() {
        return info.kindName() + " '" + info.name() + "' (" + info.origin() + ")";
    }
}
