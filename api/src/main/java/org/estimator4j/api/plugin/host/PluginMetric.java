package org.estimator4j.api.plugin.host;

import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.spi.metric.Metric;

/**
 * A plugin's {@link Metric} run with the plugin's context class loader; see {@link PluginComponent}. {@link #merge}
 * hands the plugin the other metric unwrapped, since a plugin merges only instances of its own class.
 */
final class PluginMetric implements Metric, PluginComponent {
    private final Metric metric;
    private final ClassLoader loader;

    PluginMetric(Metric metric, ClassLoader loader) {
        this.metric = metric;
        this.loader = loader;
    }

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            metric.update(labels, predictions, weights, numRows, width);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public double result() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return metric.result();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void reset() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            metric.reset();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void merge(Metric other) {
        Metric own = (Metric) PluginComponent.unwrap(other);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            metric.merge(own);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Object component() {
        return metric;
    }

    @Override
    public ClassLoader pluginClassLoader() {
        return loader;
    }

    @Override
    public String toString() {
        return metric.toString();
    }
}
