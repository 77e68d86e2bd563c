package org.estimator4j.api.plugin.host;

import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.layer.LayerProvider;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** What each {@link ComponentKind} means to the host: its provider interface, its component type, its wrapper. */
final class ComponentKinds {
    private ComponentKinds() {}

    static String plural(ComponentKind kind) {
        return kind == ComponentKind.LOSS ? "losses" : kind.configName() + "s";
    }

    static Object wrap(ComponentKind kind, Object component, ClassLoader loader) {
        return switch (kind) {
            case LOSS -> new PluginLoss((Loss) component, loader);
            case METRIC -> new PluginMetric((Metric) component, loader);
            case LAYER -> new PluginLayer((Layer) component, loader);
            case CALLBACK -> new PluginCallback((Callback) component, loader);
        };
    }

    static Class<? extends ComponentProvider<?>> providerInterface(ComponentKind kind) {
        return switch (kind) {
            case LOSS -> LossProvider.class;
            case METRIC -> MetricProvider.class;
            case LAYER -> LayerProvider.class;
            case CALLBACK -> CallbackProvider.class;
        };
    }

    static Class<?> componentType(ComponentKind kind) {
        return switch (kind) {
            case LOSS -> Loss.class;
            case METRIC -> Metric.class;
            case LAYER -> Layer.class;
            case CALLBACK -> Callback.class;
        };
    }
}
