package org.estimator4j.api.plugin.host;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.estimator4j.api.plugin.CloseMatches;
import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.metric.Metric;

/**
 * Every component provider this process can use, by kind and name: the built-ins and plugins on the class path, and
 * each {@code *.jar} of a plugins folder, found through {@link ServiceLoader}. It is what turns a config's
 * {@code {"type": "acme.focal_loss", "params": {...}}} into a {@link Loss}, with the parameters checked first.
 *
 * <p>Each plugin jar gets its own child-first class loader that shares only the JDK and the SPI with the host, so
 * plugins cannot break the host or each other with their libraries (see {@link PluginClassLoader}). Components from
 * plugin jars are handed out wrapped ({@link PluginComponent}) so they run with their jar's context class loader.
 *
 * <p>Loading is forgiving where one plugin should not stop the others: a provider that cannot be loaded or
 * constructed, or that was built against an SPI version this host does not run, is kept as a FAILED
 * {@link PluginInfo} with the reason, and is an error only when a config uses it. Two providers of the same kind and
 * name are an error at once, because which one a config gets would depend on the class path order.
 *
 * <p>Immutable once loaded; {@code create} may be called from any thread. {@link #close} closes the plugin jars.
 *
 * <p>This class indexes the providers and answers by kind and name; the work is done by its package:
 * {@link ProviderDiscovery} finds providers, {@link ProviderCheck} decides whether each can be used,
 * {@link ParameterValues} checks a config's parameters and {@link ComponentCreation} creates components.
 *
 * @since 0.1.0
 */
public final class ComponentRegistry implements AutoCloseable {
    /** The environment variable naming a plugins folder when none is given explicitly. */
    public static final String PLUGINS_DIR_ENV = "E4J_PLUGINS_DIR";

    private record Key(ComponentKind kind, String name) {}

    private final Optional<Path> pluginsDir;
    private final List<PluginInfo> plugins;
    private final List<ProviderEntry> unnamedFailures;
    private final Map<Key, ProviderEntry> entries;
    private final List<PluginClassLoader> loaders;

    private ComponentRegistry(Optional<Path> pluginsDir, List<ProviderEntry> found, List<PluginClassLoader> loaders) {
        Map<Key, List<ProviderEntry>> byKey = new LinkedHashMap<>();
        List<ProviderEntry> unnamed = new ArrayList<>();
        for (ProviderEntry e : found) {
            if (e.named()) {
                byKey.computeIfAbsent(new Key(e.info().kind(), e.info().name()), k -> new ArrayList<>())
                        .add(e);
            } else {
                unnamed.add(e);
            }
        }
        List<String> duplicates = new ArrayList<>();
        Map<Key, ProviderEntry> unique = new LinkedHashMap<>();
        byKey.forEach((key, same) -> {
            if (same.size() > 1) {
                duplicates.add(duplicate(key, same));
            } else {
                unique.put(key, same.get(0));
            }
        });
        if (!duplicates.isEmpty()) {
            throw new PluginException(String.join("; ", duplicates) + "; a name must be unique within its kind: "
                    + "remove one of each"
                    + pluginsDir
                            .map(d -> " (plugins folder: " + d.toAbsolutePath() + ")")
                            .orElse(""));
        }
        this.pluginsDir = pluginsDir;
        this.entries = Collections.unmodifiableMap(unique);
        this.unnamedFailures = List.copyOf(unnamed);
        this.loaders = List.copyOf(loaders);
        this.plugins = found.stream()
                .map(ProviderEntry::info)
                .sorted(Comparator.comparing((PluginInfo i) -> i.kind() == null
                                ? ComponentKind.values().length
                                : i.kind().ordinal())
                        .thenComparing(PluginInfo::name)
                        .thenComparing(PluginInfo::origin))
                .toList();
    }

    private static String duplicate(Key key, List<ProviderEntry> same) {
        boolean sameOrigin =
                same.stream().map(e -> e.info().origin()).distinct().count() < same.size();
        String by = same.stream()
                .map(e -> e.info().origin() + (sameOrigin ? " (" + e.className() + ")" : ""))
                .collect(Collectors.joining(" and by "));
        return key.kind().configName() + " '" + key.name() + "' is provided by " + by;
    }

    /**
     * The registry of the class path and of the plugins folder: {@code pluginsDir} when given (the {@code --plugins}
     * flag or the config's {@code plugins.dir}), else {@value #PLUGINS_DIR_ENV} when set, else the class path alone.
     *
     * @throws PluginException when the folder does not exist, or two providers share a kind and name
     */
    public static ComponentRegistry load(Optional<Path> pluginsDir) {
        return load(pluginsDir, System.getenv(), ComponentRegistry.class.getClassLoader());
    }

    /**
     * As {@link #load(Optional)}, with the environment and the class path loader given: for tests, and for hosts
     * that keep plugins on a class loader of their own.
     *
     * @param environment where {@value #PLUGINS_DIR_ENV} is looked up
     * @param classpath the loader whose {@code META-INF/services} entries are the class path providers
     */
    public static ComponentRegistry load(
            Optional<Path> pluginsDir, Map<String, String> environment, ClassLoader classpath) {
        Optional<Path> dir = resolvePluginsDir(pluginsDir, environment);
        List<ProviderEntry> found = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            ProviderDiscovery.scan(ComponentKinds.providerInterface(kind), kind, classpath, null, null, found);
        }
        List<PluginClassLoader> loaders = new ArrayList<>();
        try {
            if (dir.isPresent()) {
                ClassLoader host = ComponentProvider.class.getClassLoader();
                for (Path jar : ProviderDiscovery.jars(dir.get())) {
                    ProviderDiscovery.loadJar(jar, host, found, loaders);
                }
            }
            return new ComponentRegistry(dir, found, loaders);
        } catch (RuntimeException | Error e) {
            try {
                PluginClassLoader.closeAll(loaders);
            } catch (UncheckedIOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * The plugins folder to use: {@code explicit} when given, else {@value #PLUGINS_DIR_ENV} when set and not blank,
     * else none.
     *
     * @throws PluginException when the folder chosen does not exist or is not a folder
     */
    public static Optional<Path> resolvePluginsDir(Optional<Path> explicit, Map<String, String> environment) {
        if (explicit.isPresent()) {
            Path dir = explicit.get();
            if (!Files.isDirectory(dir)) {
                throw new PluginException("plugins folder " + dir.toAbsolutePath()
                        + (Files.exists(dir) ? " is not a folder" : " does not exist")
                        + "; create it and put plugin jars in it, or fix the path given (--plugins DIR or "
                        + "plugins.dir)");
            }
            return explicit;
        }
        String fromEnv = environment.get(PLUGINS_DIR_ENV);
        if (fromEnv == null || fromEnv.isBlank()) {
            return Optional.empty();
        }
        Path dir;
        try {
            dir = Path.of(fromEnv);
        } catch (InvalidPathException e) {
            throw new PluginException(PLUGINS_DIR_ENV + "=" + fromEnv + " is not a valid path (" + e.getReason()
                    + "); point it at a folder of plugin jars, or unset it");
        }
        if (!Files.isDirectory(dir)) {
            throw new PluginException(PLUGINS_DIR_ENV + "=" + fromEnv + ": "
                    + (Files.exists(dir) ? "not a folder" : "no such folder")
                    + "; create it, point the variable at a folder of plugin jars, or unset it");
        }
        return Optional.of(dir);
    }

    /** The plugins folder in use, if any. */
    public Optional<Path> pluginsDir() {
        return pluginsDir;
    }

    /** Every provider found, LOADED and FAILED, by kind then name: what {@code e4j plugins list} shows. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** The provider of {@code kind} called {@code name}, LOADED or FAILED. */
    public Optional<PluginInfo> find(ComponentKind kind, String name) {
        return Optional.ofNullable(entries.get(new Key(kind, name))).map(ProviderEntry::info);
    }

    /** The providers called {@code name}, of any kind (a name is unique within a kind only). */
    public List<PluginInfo> named(String name) {
        return Stream.of(ComponentKind.values())
                .map(k -> entries.get(new Key(k, name)))
                .filter(Objects::nonNull)
                .map(ProviderEntry::info)
                .toList();
    }

    /** The names configs can refer to for {@code kind}, LOADED or FAILED, sorted. */
    public SortedSet<String> names(ComponentKind kind) {
        return entries.keySet().stream()
                .filter(k -> k.kind() == kind)
                .map(Key::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every name configs can refer to, of any kind, sorted. */
    public SortedSet<String> names() {
        return entries.keySet().stream().map(Key::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Where provider {@code name} of {@code kind} comes from ({@link PluginInfo#origin()}). */
    public String origin(ComponentKind kind, String name) {
        return usable(kind, name, null).info().origin();
    }

    /**
     * The parameters {@code create} would pass: {@code params} checked against the provider's declaration, converted
     * to the declared types and completed with defaults. What a saved model should record to create the component
     * again.
     *
     * @param configPath the config node that names the component ({@code experiment.json.estimator.loss}), used in
     *     error messages; parameters are reported as {@code <configPath>.params.<name>}. Null when there is no config.
     * @throws PluginException for an unknown or FAILED provider, an unknown parameter, a missing required one or a
     *     value of the wrong type
     */
    public Parameters parameters(ComponentKind kind, String name, Map<String, ?> params, String configPath) {
        ProviderEntry e = usable(kind, name, configPath);
        return ParameterValues.check(e.info().parameters(), params, e.label(), configPath);
    }

    /**
     * A new component of provider {@code name}: the parameters checked and converted as by {@link #parameters}, then
     * the provider's {@code create} called (with the plugin's context class loader). Components of plugin jars come
     * wrapped ({@link PluginComponent}); they are still a {@code Loss}, {@code Metric}, {@code Layer} or
     * {@code Callback} as the kind says.
     *
     * @throws PluginException as {@link #parameters}, or when the provider fails to create the component
     */
    public Object create(ComponentKind kind, String name, Map<String, ?> params, String configPath) {
        ProviderEntry e = usable(kind, name, configPath);
        Parameters checked = ParameterValues.check(e.info().parameters(), params, e.label(), configPath);
        return ComponentCreation.create(e, kind, checked, configPath);
    }

    /** {@link #create(ComponentKind, String, Map, String)} cast to the kind's component {@code type}. */
    public <T> T create(ComponentKind kind, Class<T> type, String name, Map<String, ?> params, String configPath) {
        if (!type.isAssignableFrom(ComponentKinds.componentType(kind))) {
            throw new IllegalArgumentException(kind + " components are "
                    + ComponentKinds.componentType(kind).getName() + ", not " + type.getName());
        }
        return type.cast(create(kind, name, params, configPath));
    }

    public Loss createLoss(String name, Map<String, ?> params, String configPath) {
        return create(ComponentKind.LOSS, Loss.class, name, params, configPath);
    }

    public Metric createMetric(String name, Map<String, ?> params, String configPath) {
        return create(ComponentKind.METRIC, Metric.class, name, params, configPath);
    }

    public Layer createLayer(String name, Map<String, ?> params, String configPath) {
        return create(ComponentKind.LAYER, Layer.class, name, params, configPath);
    }

    public Callback createCallback(String name, Map<String, ?> params, String configPath) {
        return create(ComponentKind.CALLBACK, Callback.class, name, params, configPath);
    }

    /**
     * Closes the plugin jars. Components already created may fail afterwards when they load a class for the first
     * time: close the registry when the process is done with plugins.
     */
    @Override
    public void close() {
        PluginClassLoader.closeAll(loaders);
    }

    @Override
    public String toString() {
        return "ComponentRegistry[" + plugins.size() + " providers"
                + pluginsDir.map(d -> ", plugins folder " + d).orElse("") + "]";
    }

    // ---- using providers

    private ProviderEntry usable(ComponentKind kind, String name, String configPath) {
        ProviderEntry e = entries.get(new Key(kind, name));
        if (e == null) {
            throw new PluginException(unknown(kind, name, configPath));
        }
        if (!e.info().isLoaded()) {
            throw new PluginException(at(configPath, "type") + e.label() + " cannot be used: "
                    + e.info().failure());
        }
        return e;
    }

    private String unknown(ComponentKind kind, String name, String configPath) {
        SortedSet<String> known = names(kind);
        List<String> close = CloseMatches.among(name, known);
        StringBuilder m = new StringBuilder(at(configPath, "type"))
                .append("unknown ")
                .append(kind.configName())
                .append(" '")
                .append(name)
                .append("'");
        if (!close.isEmpty()) {
            m.append(" (did you mean ")
                    .append(close.stream().map(c -> "'" + c + "'").collect(Collectors.joining(" or ")))
                    .append("?)");
        }
        m.append(
                known.isEmpty()
                        ? "; there are no " + ComponentKinds.plural(kind)
                        : "; known " + ComponentKinds.plural(kind) + ": " + String.join(", ", known));
        long failed = unnamedFailures.stream()
                .filter(f -> f.info().kind() == kind || f.info().kind() == null)
                .count();
        if (failed > 0) {
            m.append("; ")
                    .append(failed)
                    .append(failed == 1 ? " provider or jar" : " providers or jars")
                    .append(" failed to load (see 'e4j plugins list')");
        }
        m.append(pluginsDir
                .map(d -> "; plugins folder: " + d.toAbsolutePath())
                .orElse("; no plugins folder is set: give one with --plugins DIR, plugins.dir or " + PLUGINS_DIR_ENV));
        return m.toString();
    }

    private static String at(String configPath, String child) {
        return configPath == null ? "" : configPath + "." + child + ": ";
    }

    // ---- finding providers

    // ---- origins

}
