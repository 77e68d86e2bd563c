package org.estimator4j.api.plugin;

/**
 * A component made by a plugin jar's provider, as the registry hands it out: a small wrapper of the same kind
 * ({@code Loss}, {@code Metric}, {@code Layer}, {@code Callback}) that makes the plugin's class loader the thread's
 * context class loader around every call, so that libraries inside the plugin that look classes up through it
 * (Jackson modules, JAXB, ServiceLoader with defaults) find the plugin's classes rather than the host's. The switch
 * allocates nothing, so the per-step hot paths ({@code Loss.compute}, {@code Layer.forward}) stay allocation-free.
 *
 * <p>Components of class path providers are not wrapped. Host code that names a component's class in a message
 * should name {@link #unwrap}'s class, not the wrapper's.
 *
 * @since 0.1.0
 */
public interface PluginComponent {
    /** The plugin's own object. */
    Object component();

    /** The class loader of the plugin jar the component comes from. */
    ClassLoader pluginClassLoader();

    /** The plugin's own object behind {@code component}, or {@code component} itself when it is not wrapped. */
    static Object unwrap(Object component) {
        return component instanceof PluginComponent p ? p.component() : component;
    }
}
