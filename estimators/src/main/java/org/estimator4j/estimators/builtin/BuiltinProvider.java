package org.estimator4j.estimators.builtin;

import java.util.List;
import org.estimator4j.spi.ComponentProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.SpiVersion;

/**
 * What every built-in provider shares, written once: its name, description and parameters as given, and the SPI
 * version it is compiled with. A built-in extends it and implements its kind's interface ({@code LossProvider},
 * {@code MetricProvider}), adding only {@code create}. Plugins implement the SPI interfaces directly: they compile
 * against the spi module alone.
 */
public abstract class BuiltinProvider<T> implements ComponentProvider<T> {
    private final String name;
    private final String description;
    private final List<ParameterSpec> parameters;

    /** {@code parameters} in the order documentation shows them; none for a component without options. */
    protected BuiltinProvider(String name, String description, ParameterSpec... parameters) {
        this.name = name;
        this.description = description;
        this.parameters = List.of(parameters);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public final int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
