package org.estimator4j.api.plugin.host;

import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.spi.loss.Loss;

/** A plugin's {@link Loss} run with the plugin's context class loader; see {@link PluginComponent}. */
final class PluginLoss implements Loss, PluginComponent {
    private final Loss loss;
    private final ClassLoader loader;

    PluginLoss(Loss loss, ClassLoader loader) {
        this.loss = loss;
        this.loader = loader;
    }

    @Override
    public void compute(
            float[] logits, float[] labels, int numRows, int logitsDimension, float[] losses, float[] gradient) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            loss.compute(logits, labels, numRows, logitsDimension, losses, gradient);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Object component() {
        return loss;
    }

    @Override
    public ClassLoader pluginClassLoader() {
        return loader;
    }

    @Override
    public String toString() {
        return loss.toString();
    }
}
