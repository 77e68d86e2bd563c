package org.estimator4j.api.plugin.host;

import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.Parameters;

/**
 * Calls a provider's {@code create} with checked parameters: with its plugin jar's class loader as the thread's
 * context loader, the result checked to be the kind's component type, and a plugin jar's component wrapped
 * ({@link PluginComponent}) so that it keeps running with that loader.
 */
final class ComponentCreation {
    private ComponentCreation() {}

    /** @throws PluginException when the provider fails or returns something else than the kind's component */
    static Object create(ProviderEntry e, ComponentKind kind, Parameters checked, String configPath) {
        Object made;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (e.loader() != null) {
            thread.setContextClassLoader(e.loader());
        }
        try {
            made = e.provider().create(checked);
        } catch (RuntimeException | LinkageError failure) {
            throw new PluginException(
                    at(configPath) + e.label() + " could not be created with " + checked + ": "
                            + FailureText.causes(failure)
                            + (failure instanceof LinkageError
                                    ? "; the plugin jar lacks a class it needs: bundle its libraries into the jar"
                                    : "; check the parameters, or report it to the plugin's author"),
                    failure);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (!ComponentKinds.componentType(kind).isInstance(made)) {
            throw new PluginException(at(configPath) + e.label() + " returned "
                    + (made == null ? "null" : "a " + made.getClass().getName()) + " instead of a "
                    + ComponentKinds.componentType(kind).getSimpleName() + "; report it to the plugin's author");
        }
        return e.loader() == null ? made : ComponentKinds.wrap(kind, made, e.loader());
    }

    private static String at(String configPath) {
        return configPath == null ? "" : configPath + ": ";
    }
}
