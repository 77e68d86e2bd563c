package org.estimator4j.api.plugin.host;

import java.util.Map;
import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.spi.layer.Layer;

/** A plugin's {@link Layer} run with the plugin's context class loader; see {@link PluginComponent}. */
final class PluginLayer implements Layer, PluginComponent {
    private final Layer layer;
    private final ClassLoader loader;

    PluginLayer(Layer layer, ClassLoader loader) {
        this.layer = layer;
        this.loader = loader;
    }

    @Override
    public Map<String, float[]> build(int inputWidth, long seed) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return layer.build(inputWidth, seed);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public int outputWidth() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return layer.outputWidth();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void forward(float[] x, int numRows, float[] y, boolean training) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            layer.forward(x, numRows, y, training);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void backward(float[] dy, int numRows, float[] dx, Map<String, float[]> gradients) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            layer.backward(dy, numRows, dx, gradients);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Object component() {
        return layer;
    }

    @Override
    public ClassLoader pluginClassLoader() {
        return loader;
    }

    @Override
    public String toString() {
        return layer.toString();
    }
}
