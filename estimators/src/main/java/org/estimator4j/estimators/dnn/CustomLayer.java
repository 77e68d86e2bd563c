package org.estimator4j.estimators.dnn;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Supplier;
import org.estimator4j.spi.layer.Layer;

/**
 * A plugin layer in a DNN, stacked after the hidden layers: the provider's name and parameters (what a saved model
 * records to create it again), where the provider came from (a plugin jar's file name, for the error when it is
 * missing later), and a factory of fresh instances (each model a {@code train} or {@code evaluate} call builds gets
 * its own).
 */
public record CustomLayer(String type, Map<String, Object> params, String origin, Supplier<Layer> factory) {
    public CustomLayer {
        requireNonNull(type, "type is null");
        params = Map.copyOf(requireNonNull(params, "params is null"));
        requireNonNull(origin, "origin is null");
        requireNonNull(factory, "factory is null");
    }
}
