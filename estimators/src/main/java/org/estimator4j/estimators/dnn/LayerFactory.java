package org.estimator4j.estimators.dnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.layer.LayerProvider;

/**
 * Creates plugin layers by provider name when a saved model is loaded. The plugin registry (with plugin folders)
 * implements it for the CLI; {@link #classpath()} looks only at providers on the class path.
 */
@FunctionalInterface
public interface LayerFactory {
    /**
     * A new layer of provider {@code type} with {@code params}.
     *
     * @throws IllegalArgumentException when no such provider is installed
     */
    Layer create(String type, Map<String, Object> params);

    /** Providers found by {@link ServiceLoader} on the class path; parameters are passed as saved. */
    static LayerFactory classpath() {
        return (type, params) -> {
            List<String> known = new ArrayList<>();
            for (LayerProvider p : ServiceLoader.load(LayerProvider.class)) {
                if (p.name().equals(type)) {
                    return p.create(new Parameters(params));
                }
                known.add(p.name());
            }
            throw new IllegalArgumentException(
                    "no layer provider named '" + type + "' on the class path (it has " + known + ")");
        };
    }
}
