package org.estimator4j.cli.config;

import java.util.List;
import java.util.Objects;

/**
 * One option of an estimator or optimizer section: its key, type, default and a line of documentation. The same shape
 * as a plugin's {@code org.estimator4j.spi.ParameterSpec}, which cannot be reused as is: its types have no objects
 * (an optimizer, a loss) and its null default means "required", where most options here are optional without a default
 * ({@code weight_column}) or default to something computed ({@code optimizer}'s learning rate).
 *
 * <p>The declarations drive the unknown-key check, the defaults {@code e4j config show} prints, the README's option
 * table and {@code e4j config schema}.
 *
 * @param defaultValue the default, or null when there is none (or it depends on other options; the doc says which)
 * @param allowed the only values allowed (empty: any value of the type)
 */
record OptionSpec(
        String name, OptionType type, boolean required, Object defaultValue, List<String> allowed, String doc) {
    OptionSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(doc);
        allowed = List.copyOf(allowed);
    }

    /** An optional key with a default ({@code null}: none). */
    static OptionSpec optional(String name, OptionType type, Object defaultValue, String doc) {
        return new OptionSpec(name, type, false, defaultValue, List.of(), doc);
    }

    /** A string key that takes one of {@code allowed}, {@code defaultValue} when absent. */
    static OptionSpec oneOf(String name, String defaultValue, List<String> allowed, String doc) {
        return new OptionSpec(name, OptionType.STRING, false, defaultValue, allowed, doc);
    }

    /** A key every config must give. */
    static OptionSpec required(String name, OptionType type, String doc) {
        return new OptionSpec(name, type, true, null, List.of(), doc);
    }

    /** The types of options, with their JSON Schema and how the README names them. */
    enum OptionType {
        INTEGER("integer"),
        NUMBER("number"),
        BOOLEAN("boolean"),
        STRING("string"),
        INTEGER_LIST("list of integers"),
        STRING_LIST("list of strings"),
        FTRL_OPTIMIZER("FTRL optimizer object"),
        OPTIMIZER("optimizer object"),
        COMPONENT("component object"),
        COMPONENT_LIST("list of component objects");

        final String readable;

        OptionType(String readable) {
            this.readable = readable;
        }
    }
}
