package org.estimator4j.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a component is created with, already checked by the host against the provider's
 * {@link ComponentProvider#parameters()}: every declared parameter is present (given or defaulted), of its declared
 * type, and nothing undeclared is there. Values are Integer, Double, Boolean, String or an unmodifiable List of them.
 *
 * @since SPI 1
 */
public final class Parameters {
    private final Map<String, Object> values;

    /** Wraps checked values; the host builds these, a plugin only reads them (and tests may build their own). */
    public Parameters(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String name) {
        return (List<Integer>) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Double> getDoubleList(String name) {
        return (List<Double>) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> getStringList(String name) {
        return (List<String>) get(name);
    }

    /** The value of {@code name}; a name the provider did not declare is a programming error. */
    public Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no parameter '" + name + "'; the component was created with "
                    + values.keySet() + " (declare it in parameters())");
        }
        return values.get(name);
    }

    /** All values by name, in declaration order: what a saved model records to create the component again. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
