package org.estimator4j.spi;

import java.util.Objects;

/**
 * One parameter a component accepts: its name, type, default (null when the parameter is required) and a line of
 * documentation, shown by {@code e4j plugins describe}.
 *
 * @since SPI 1
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, String doc) {
    public ParameterSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(doc, "doc is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be snake_case ([a-z][a-z0-9_]*)");
        }
    }

    /** An optional parameter with a default. */
    public static ParameterSpec optional(String name, ParameterType type, Object defaultValue, String doc) {
        return new ParameterSpec(name, type, Objects.requireNonNull(defaultValue, "defaultValue is null"), doc);
    }

    /** A parameter every use must give. */
    public static ParameterSpec required(String name, ParameterType type, String doc) {
        return new ParameterSpec(name, type, null, doc);
    }

    public boolean isRequired() {
        return defaultValue == null;
    }
}
