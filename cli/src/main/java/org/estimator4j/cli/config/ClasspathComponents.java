package org.estimator4j.cli.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.layer.LayerProvider;
import org.estimator4j.spi.loss.LossProvider;
import org.estimator4j.spi.metric.MetricProvider;

/** Components from providers on the class path only (no plugin folder): a fallback and a test helper. */
final class ClasspathComponents implements Components {
    ClasspathComponents(Optional<Path> pluginsDir) {
        if (pluginsDir.isPresent()) {
            throw new ConfigException("plugins folder " + pluginsDir.get() + " given, but this configuration loads "
                    + "class-path providers only");
        }
    }

    private static Class<? extends ComponentProvider<?>> providerType(ComponentKind kind) {
        return switch (kind) {
            case LOSS -> LossProvider.class;
            case METRIC -> MetricProvider.class;
            case LAYER -> LayerProvider.class;
            case CALLBACK -> CallbackProvider.class;
        };
    }

    private static ComponentProvider<?> find(ComponentKind kind, String name, String configPath) {
        List<String> known = new ArrayList<>();
        for (ComponentProvider<?> p : ServiceLoader.load(providerType(kind))) {
            if (p.name().equals(name)) {
                return p;
            }
            known.add(p.name());
        }
        throw new ConfigException(configPath + ": unknown " + kind.configName() + " '" + name + "'; known: " + known);
    }

    @Override
    public <T> T create(ComponentKind kind, Class<T> type, String name, Map<String, Object> params, String configPath) {
        return type.cast(find(kind, name, configPath).create(new Parameters(params)));
    }

    @Override
    public String origin(ComponentKind kind, String name) {
        return "classpath";
    }
}
