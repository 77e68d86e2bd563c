package org.estimator4j.api.plugin.host;

import java.util.List;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.SpiVersion;

/**
 * Whether a constructed provider can be used: it names itself, was built against an SPI version this host runs,
 * registers under the services file of its own kind and declares its parameters well. A provider that fails is kept
 * as a FAILED {@link PluginInfo} with the reason (an error only when a config uses it).
 */
final class ProviderCheck {
    private ProviderCheck() {}

    /** Asks a constructed provider what it is, and refuses it when its SPI version or declarations do not fit. */
    static ProviderEntry describe(
            ComponentKind kind, ComponentProvider<?> provider, String origin, PluginClassLoader loader) {
        String className = provider.getClass().getName();
        String name = null;
        String description = "";
        int version = 0;
        try {
            name = provider.name();
            if (name == null || name.isBlank()) {
                return new ProviderEntry(
                        PluginInfo.failed(
                                className,
                                kind,
                                "",
                                origin,
                                0,
                                "name() returned no name; return the namespaced name configs use",
                                List.of()),
                        className,
                        provider,
                        loader,
                        false);
            }
            version = provider.spiVersion();
            if (version > SpiVersion.CURRENT) {
                return refused(
                        kind,
                        name,
                        className,
                        provider,
                        origin,
                        loader,
                        version,
                        "built against SPI " + version + ", newer than this host's SPI " + SpiVersion.CURRENT
                                + "; upgrade Estimator4J or use a build of the plugin for SPI " + SpiVersion.CURRENT);
            }
            if (version < SpiVersion.OLDEST_SUPPORTED) {
                return refused(
                        kind,
                        name,
                        className,
                        provider,
                        origin,
                        loader,
                        version,
                        "built against SPI " + version + ", older than the oldest this host runs (SPI "
                                + SpiVersion.OLDEST_SUPPORTED + "; the host's is SPI " + SpiVersion.CURRENT
                                + "); rebuild the plugin against estimator4j-spi of SPI " + SpiVersion.CURRENT);
            }
            description = provider.description();
            ComponentKind declaredKind = provider.kind();
            if (declaredKind != kind) {
                return refused(
                        kind,
                        name,
                        className,
                        provider,
                        origin,
                        loader,
                        version,
                        "kind() says " + declaredKind + " but the jar registers it as a " + kind.configName()
                                + " provider; register it under the services file of its kind");
            }
            List<ParameterSpec> parameters = provider.parameters();
            String badDeclaration = ParameterValues.checkDeclarations(parameters);
            if (badDeclaration != null) {
                return refused(kind, name, className, provider, origin, loader, version, badDeclaration);
            }
            return new ProviderEntry(
                    PluginInfo.loaded(name, kind, description, origin, version, parameters),
                    className,
                    provider,
                    loader,
                    true);
        } catch (RuntimeException | LinkageError e) {
            return new ProviderEntry(
                    PluginInfo.failed(
                            name == null ? className : name,
                            kind,
                            description,
                            origin,
                            version,
                            "failed to describe itself: " + FailureText.causes(e) + FailureText.hint(e),
                            List.of()),
                    className,
                    provider,
                    loader,
                    name != null);
        }
    }

    private static ProviderEntry refused(
            ComponentKind kind,
            String name,
            String className,
            ComponentProvider<?> provider,
            String origin,
            PluginClassLoader loader,
            int version,
            String reason) {
        return new ProviderEntry(
                PluginInfo.failed(name, kind, "", origin, version, reason, List.of()),
                className,
                provider,
                loader,
                true);
    }
}
