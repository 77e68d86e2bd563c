package org.estimator4j.api.plugin.host;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ParameterSpec;

/**
 * One provider the registry found, for listings ({@code e4j plugins list}) and for errors: what it is called, what it
 * makes, where it came from, and whether it can be used.
 *
 * <p>A provider that could not even be constructed has no name of its own: its {@link #name} is then its class name
 * (or what the error told of it). A jar that holds no provider at all, or cannot be read, is listed too, under the
 * jar's file name with no {@link #kind}, so that a jar dropped into the plugins folder never disappears silently.
 *
 * @param name the provider's name as configs write it ({@code acme.focal_loss}), or a class or jar name when FAILED
 *     before the provider could tell it
 * @param kind what the provider makes; null only for a FAILED entry that stands for a whole jar
 * @param description the provider's one-sentence description; empty when unknown
 * @param origin where the provider came from: a plugin jar's file name, the class path jar or folder the class was
 *     loaded from, or {@code classpath} when the JVM does not say
 * @param spiVersion the SPI version the provider was built against; 0 when unknown
 * @param state whether configs can use the provider
 * @param failure why the provider cannot be used; null when LOADED
 * @param parameters the parameters the provider declares; empty when unknown
 *
 * @since 0.1.0
 */
public record PluginInfo(
        String name,
        ComponentKind kind,
        String description,
        String origin,
        int spiVersion,
        State state,
        String failure,
        List<ParameterSpec> parameters) {

    /** Whether a provider can be used. */
    public enum State {
        /** Constructed, compatible and well-declared: configs can use it. */
        LOADED,
        /** Refused or broken: listed with its {@link PluginInfo#failure()}; a config that uses it fails. */
        FAILED
    }

    public PluginInfo {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        requireNonNull(origin, "origin is null");
        requireNonNull(state, "state is null");
        if ((state == State.FAILED) != (failure != null)) {
            throw new IllegalArgumentException(
                    "a FAILED plugin needs a failure reason and a LOADED one none, got " + state + " with " + failure);
        }
        parameters = List.copyOf(parameters);
    }

    static PluginInfo loaded(
            String name,
            ComponentKind kind,
            String description,
            String origin,
            int spiVersion,
            List<ParameterSpec> parameters) {
        return new PluginInfo(name, kind, description, origin, spiVersion, State.LOADED, null, parameters);
    }

    static PluginInfo failed(
            String name,
            ComponentKind kind,
            String description,
            String origin,
            int spiVersion,
            String failure,
            List<ParameterSpec> parameters) {
        return new PluginInfo(name, kind, description, origin, spiVersion, State.FAILED, failure, parameters);
    }

    public boolean isLoaded() {
        return state == State.LOADED;
    }

    /** The kind's config name ({@code loss}), or {@code -} for an entry that stands for a whole jar. */
    public String kindName() {
        return kind == null ? "-" : kind.configName();
    }
}
