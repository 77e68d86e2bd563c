package org.estimator4j.api.plugin.host;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;

/**
 * Checks the parameters a config gives a component against what its provider declares, and converts the JSON-ish
 * values configs produce (Integer, Long, Double, Boolean, String, List) to the declared types, so a plugin reads
 * {@code getInt} without caring whether the config wrote {@code 3} or {@code 3.0}.
 */
final class ParameterValues {
    private ParameterValues() {}

    /** A value that does not fit a type; the caller adds where it is. */
    static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;
        final String suffix;

        Mismatch(String suffix, String message) {
            super(message, null, false, false);
            this.suffix = suffix;
        }
    }

    /**
     * Given values checked and converted, defaults filled, in declaration order.
     *
     * @param component how errors name the component ({@code loss 'acme.focal_loss' (acme.jar)})
     * @param configPath the config node that names the component, or null when there is none
     */
    static Parameters check(List<ParameterSpec> specs, Map<String, ?> given, String component, String configPath) {
        Map<String, ?> values = given == null ? Map.of() : given;
        Set<String> declared = specs.stream().map(ParameterSpec::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            String accepted = specs.isEmpty()
                    ? "it takes no parameters"
                    : "it accepts: "
                            + specs.stream().map(ParameterValues::summary).collect(Collectors.joining(", "));
            throw new PluginException(prefix(configPath, "params") + "unknown parameter"
                    + (unknown.size() == 1 ? " " : "s ")
                    + unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")) + " for " + component
                    + "; " + accepted);
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            String where = configPath == null
                    ? "parameter '" + spec.name() + "' of " + component
                    : configPath + ".params." + spec.name();
            if (!values.containsKey(spec.name())) {
                if (spec.isRequired()) {
                    throw new PluginException(where + ": missing, and " + component + " requires it ("
                            + typeName(spec.type()) + ": " + spec.doc() + "); add it under "
                            + (configPath == null ? "the component's params" : configPath + ".params"));
                }
                checked.put(spec.name(), convertDefault(spec));
                continue;
            }
            try {
                checked.put(spec.name(), convert(values.get(spec.name()), spec.type()));
            } catch (Mismatch m) {
                throw new PluginException(where + m.suffix + ": " + m.getMessage() + " (" + spec.doc() + ")");
            }
        }
        return new Parameters(checked);
    }

    /** The provider's default in its declared type; {@link #checkDeclarations} made sure it converts. */
    private static Object convertDefault(ParameterSpec spec) {
        try {
            return convert(spec.defaultValue(), spec.type());
        } catch (Mismatch m) {
            throw new IllegalStateException("default of " + spec.name() + " was checked at load time", m);
        }
    }

    /** Why a provider's declared parameters cannot be used, or null when they can. */
    static String checkDeclarations(List<ParameterSpec> specs) {
        if (specs == null) {
            return "parameters() returned null; return List.of() for a component without parameters";
        }
        Set<String> seen = new TreeSet<>();
        for (ParameterSpec spec : specs) {
            if (spec == null) {
                return "parameters() contains null";
            }
            if (!seen.add(spec.name())) {
                return "parameter '" + spec.name() + "' is declared twice";
            }
            if (!spec.isRequired()) {
                try {
                    convert(spec.defaultValue(), spec.type());
                } catch (Mismatch m) {
                    return "the default of parameter '" + spec.name() + "' does not fit its type: " + m.getMessage();
                }
            }
        }
        return null;
    }

    /** {@code gamma (double, default 2.0)} or {@code units (int, required)}. */
    static String summary(ParameterSpec spec) {
        return spec.name() + " (" + typeName(spec.type()) + ", "
                + (spec.isRequired() ? "required" : "default " + show(spec.defaultValue())) + ")";
    }

    /** {@code int}, {@code double_list}: as listings and errors show types. */
    static String typeName(ParameterType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static Object convert(Object value, ParameterType type) throws Mismatch {
        return switch (type) {
            case INT -> toInt(value, "");
            case DOUBLE -> toDouble(value, "");
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw new Mismatch("", "expected true or false, got " + show(value));
            }
            case STRING -> {
                if (value instanceof String s) {
                    yield s;
                }
                throw new Mismatch("", "expected a string, got " + show(value));
            }
            case INT_LIST, DOUBLE_LIST, STRING_LIST -> toList(value, type);
        };
    }

    private static List<Object> toList(Object value, ParameterType type) throws Mismatch {
        if (!(value instanceof List<?> list)) {
            throw new Mismatch("", "expected a list of " + elementName(type) + ", got " + show(value));
        }
        List<Object> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            String at = "[" + i + "]";
            switch (type) {
                case INT_LIST -> out.add(toInt(e, at));
                case DOUBLE_LIST -> out.add(toDouble(e, at));
                default -> {
                    if (!(e instanceof String s)) {
                        throw new Mismatch(at, "expected a string, got " + show(e));
                    }
                    out.add(s);
                }
            }
        }
        return List.copyOf(out);
    }

    private static String elementName(ParameterType type) {
        return switch (type) {
            case INT_LIST -> "ints";
            case DOUBLE_LIST -> "numbers";
            default -> "strings";
        };
    }

    /** Whole numbers of any Number type (3, 3L, 3.0) within the int range. */
    private static Integer toInt(Object value, String at) throws Mismatch {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Number n) {
            BigDecimal exact;
            if (n instanceof BigDecimal d) {
                exact = d;
            } else if (n instanceof BigInteger b) {
                exact = new BigDecimal(b);
            } else if (n instanceof Long || n instanceof Short || n instanceof Byte) {
                exact = BigDecimal.valueOf(n.longValue());
            } else {
                exact = Double.isFinite(n.doubleValue()) ? BigDecimal.valueOf(n.doubleValue()) : null;
            }
            if (exact != null && exact.stripTrailingZeros().scale() <= 0) {
                BigInteger whole = exact.toBigIntegerExact();
                if (whole.bitLength() < 32) {
                    return whole.intValue();
                }
                throw new Mismatch(at, "expected an int, got " + show(value) + ", which is out of the int range");
            }
        }
        throw new Mismatch(at, "expected an int, got " + show(value));
    }

    private static Double toDouble(Object value, String at) throws Mismatch {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new Mismatch(at, "expected a number, got " + show(value));
    }

    /** A value as an error shows it: strings quoted, containers by kind. */
    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?> l) {
            return l.toString();
        }
        return value.toString();
    }

    private static String prefix(String configPath, String child) {
        return configPath == null ? "" : configPath + "." + child + ": ";
    }
}
