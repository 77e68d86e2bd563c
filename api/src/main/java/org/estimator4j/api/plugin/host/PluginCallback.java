package org.estimator4j.api.plugin.host;

import java.util.Map;
import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.TrainingContext;

/** A plugin's {@link Callback} run with the plugin's context class loader; see {@link PluginComponent}. */
final class PluginCallback implements Callback, PluginComponent {
    private final Callback callback;
    private final ClassLoader loader;

    PluginCallback(Callback callback, ClassLoader loader) {
        this.callback = callback;
        this.loader = loader;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            callback.onTrainBegin(context);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void onTrainEnd(TrainingContext context) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            callback.onTrainEnd(context);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void onStepBegin(TrainingContext context, long step) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            callback.onStepBegin(context, step);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            callback.onStepEnd(context, step, logs);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            callback.onEvaluation(context, step, metrics);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Object component() {
        return callback;
    }

    @Override
    public ClassLoader pluginClassLoader() {
        return loader;
    }

    @Override
    public String toString() {
        return callback.toString();
    }
}
