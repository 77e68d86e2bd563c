package org.estimator4j.api.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.layer.LayerProvider;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

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
 * @since 0.1.0
 */
public final class ComponentRegistry implements AutoCloseable {
    /** The environment variable naming a plugins folder when none is given explicitly. */
    public static final String PLUGINS_DIR_ENV = "E4J_PLUGINS_DIR";

    /** A loader whose provider iterator keeps failing is given up on after this many errors. */
    private static final int MAX_FAILURES_PER_SCAN = 1000;

    private record Key(ComponentKind kind, String name) {}

    /**
     * A provider found. {@code provider} is null when it could not be constructed; {@code named} says whether
     * {@code info.name()} is the provider's own name (so configs can refer to it) rather than a class or jar name.
     */
    private record Entry(PluginInfo info, String className, ComponentProvider<?> provider,
            PluginClassLoader loader, boolean named) {}

    private final Optional<Path> pluginsDir;
    private final List<PluginInfo> plugins;
    private final List<Entry> unnamedFailures;
    private final Map<Key, Entry> entries;
    private final List<PluginClassLoader> loaders;

    private ComponentRegistry(Optional<Path> pluginsDir, List<Entry> found, List<PluginClassLoader> loaders) {
        Map<Key, List<Entry>> byKey = new LinkedHashMap<>();
        List<Entry> unnamed = new ArrayList<>();
        for (Entry e : found) {
            if (e.named()) {
                byKey.computeIfAbsent(new Key(e.info().kind(), e.info().name()), k -> new ArrayList<>()).add(e);
            } else {
                unnamed.add(e);
            }
        }
        List<String> duplicates = new ArrayList<>();
        Map<Key, Entry> unique = new LinkedHashMap<>();
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
                    + pluginsDir.map(d -> " (plugins folder: " + d.toAbsolutePath() + ")").orElse(""));
        }
        this.pluginsDir = pluginsDir;
        this.entries = Collections.unmodifiableMap(unique);
        this.unnamedFailures = List.copyOf(unnamed);
        this.loaders = List.copyOf(loaders);
        this.plugins = found.stream().map(Entry::info)
                .sorted(Comparator.comparing((PluginInfo i) -> i.kind() == null ? ComponentKind.values().length
                                : i.kind().ordinal())
                        .thenComparing(PluginInfo::name)
                        .thenComparing(PluginInfo::origin))
                .toList();
    }

    private static String duplicate(Key key, List<Entry> same) {
        boolean sameOrigin = same.stream().map(e -> e.info().origin()).distinct().count() < same.size();
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
    public static ComponentRegistry load(Optional<Path> pluginsDir, Map<String, String> environment,
            ClassLoader classpath) {
        Optional<Path> dir = resolvePluginsDir(pluginsDir, environment);
        List<Entry> found = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            scan(providerInterface(kind), kind, classpath, null, null, found);
        }
        List<PluginClassLoader> loaders = new ArrayList<>();
        try {
            if (dir.isPresent()) {
                ClassLoader host = ComponentProvider.class.getClassLoader();
                for (Path jar : jars(dir.get())) {
                    loadJar(jar, host, found, loaders);
                }
            }
            return new ComponentRegistry(dir, found, loaders);
        } catch (RuntimeException | Error e) {
            try {
                closeAll(loaders);
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
        return Optional.ofNullable(entries.get(new Key(kind, name))).map(Entry::info);
    }

    /** The providers called {@code name}, of any kind (a name is unique within a kind only). */
    public List<PluginInfo> named(String name) {
        return Stream.of(ComponentKind.values()).map(k -> entries.get(new Key(k, name)))
                .filter(Objects::nonNull).map(Entry::info).toList();
    }

    /** The names configs can refer to for {@code kind}, LOADED or FAILED, sorted. */
    public SortedSet<String> names(ComponentKind kind) {
        return entries.keySet().stream().filter(k -> k.kind() == kind).map(Key::name)
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
        Entry e = usable(kind, name, configPath);
        return ParameterValues.check(e.info().parameters(), params, label(e), configPath);
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
        Entry e = usable(kind, name, configPath);
        Parameters checked = ParameterValues.check(e.info().parameters(), params, label(e), configPath);
        Object made;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (e.loader() != null) {
            thread.setContextClassLoader(e.loader());
        }
        try {
            made = e.provider().create(checked);
        } catch (RuntimeException | LinkageError failure) {
            throw new PluginException(at(configPath) + label(e) + " could not be created with " + checked + ": "
                    + causes(failure) + (failure instanceof LinkageError
                            ? "; the plugin jar lacks a class it needs: bundle its libraries into the jar"
                            : "; check the parameters, or report it to the plugin's author"), failure);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (!componentType(kind).isInstance(made)) {
            throw new PluginException(at(configPath) + label(e) + " returned "
                    + (made == null ? "null" : "a " + made.getClass().getName()) + " instead of a "
                    + componentType(kind).getSimpleName() + "; report it to the plugin's author");
        }
        return e.loader() == null ? made : wrap(kind, made, e.loader());
    }

    /** {@link #create(ComponentKind, String, Map, String)} cast to the kind's component {@code type}. */
    public <T> T create(ComponentKind kind, Class<T> type, String name, Map<String, ?> params, String configPath) {
        if (!type.isAssignableFrom(componentType(kind))) {
            throw new IllegalArgumentException(kind + " components are " + componentType(kind).getName()
                    + ", not " + type.getName());
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
        closeAll(loaders);
    }

    @Override
    public String toString() {
        return "ComponentRegistry[" + plugins.size() + " providers"
                + pluginsDir.map(d -> ", plugins folder " + d).orElse("") + "]";
    }

    // ---- using providers

    private Entry usable(ComponentKind kind, String name, String configPath) {
        Entry e = entries.get(new Key(kind, name));
        if (e == null) {
            throw new PluginException(unknown(kind, name, configPath));
        }
        if (!e.info().isLoaded()) {
            throw new PluginException(at(configPath, "type") + label(e) + " cannot be used: " + e.info().failure());
        }
        return e;
    }

    private String unknown(ComponentKind kind, String name, String configPath) {
        SortedSet<String> known = names(kind);
        List<String> close = CloseMatches.among(name, known);
        StringBuilder m = new StringBuilder(at(configPath, "type")).append("unknown ").append(kind.configName())
                .append(" '").append(name).append("'");
        if (!close.isEmpty()) {
            m.append(" (did you mean ").append(close.stream().map(c -> "'" + c + "'")
                    .collect(Collectors.joining(" or "))).append("?)");
        }
        m.append(known.isEmpty() ? "; there are no " + plural(kind)
                : "; known " + plural(kind) + ": " + String.join(", ", known));
        long failed = unnamedFailures.stream()
                .filter(f -> f.info().kind() == kind || f.info().kind() == null).count();
        if (failed > 0) {
            m.append("; ").append(failed).append(failed == 1 ? " provider or jar" : " providers or jars")
                    .append(" failed to load (see 'e4j plugins list')");
        }
        m.append(pluginsDir.map(d -> "; plugins folder: " + d.toAbsolutePath())
                .orElse("; no plugins folder is set: give one with --plugins DIR, plugins.dir or " + PLUGINS_DIR_ENV));
        return m.toString();
    }

    private static String plural(ComponentKind kind) {
        return kind == ComponentKind.LOSS ? "losses" : kind.configName() + "s";
    }

    private static String label(Entry e) {
        return e.info().kindName() + " '" + e.info().name() + "' (" + e.info().origin() + ")";
    }

    private static String at(String configPath) {
        return configPath == null ? "" : configPath + ": ";
    }

    private static String at(String configPath, String child) {
        return configPath == null ? "" : configPath + "." + child + ": ";
    }

    private static Object wrap(ComponentKind kind, Object component, ClassLoader loader) {
        return switch (kind) {
            case LOSS -> new PluginLoss((Loss) component, loader);
            case METRIC -> new PluginMetric((Metric) component, loader);
            case LAYER -> new PluginLayer((Layer) component, loader);
            case CALLBACK -> new PluginCallback((Callback) component, loader);
        };
    }

    private static Class<? extends ComponentProvider<?>> providerInterface(ComponentKind kind) {
        return switch (kind) {
            case LOSS -> LossProvider.class;
            case METRIC -> MetricProvider.class;
            case LAYER -> LayerProvider.class;
            case CALLBACK -> CallbackProvider.class;
        };
    }

    private static Class<?> componentType(ComponentKind kind) {
        return switch (kind) {
            case LOSS -> Loss.class;
            case METRIC -> Metric.class;
            case LAYER -> Layer.class;
            case CALLBACK -> Callback.class;
        };
    }

    // ---- finding providers

    private static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new PluginException("cannot list plugins folder " + dir.toAbsolutePath() + ": " + e
                    + "; check its permissions", e);
        }
    }

    /** The providers of one plugin jar, each kind through the jar's own class loader. */
    private static void loadJar(Path jar, ClassLoader host, List<Entry> found, List<PluginClassLoader> loaders) {
        String origin = jar.getFileName().toString();
        Set<ComponentKind> declared = EnumSet.noneOf(ComponentKind.class);
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ComponentKind kind : ComponentKind.values()) {
                if (file.getEntry(servicesFile(providerInterface(kind))) != null) {
                    declared.add(kind);
                }
            }
        } catch (IOException e) {
            found.add(jarFailure(origin, "cannot read the jar (" + e.getMessage() + "); replace it with a complete "
                    + "copy or remove it"));
            return;
        }
        if (declared.isEmpty()) {
            found.add(jarFailure(origin, "not a plugin: it has no META-INF/services entry for any provider "
                    + "interface (org.estimator4j.spi.loss.LossProvider, ...); a plugin's libraries belong inside its "
                    + "jar, not beside it"));
            return;
        }
        PluginClassLoader loader = new PluginClassLoader(jar, host);
        loaders.add(loader);
        for (ComponentKind kind : declared) {
            scan(providerInterface(kind), kind, loader, origin, loader, found);
        }
    }

    private static Entry jarFailure(String jarName, String reason) {
        return new Entry(PluginInfo.failed(jarName, null, "", jarName, 0, reason, List.of()), null, null, null,
                false);
    }

    private static String servicesFile(Class<?> providerInterface) {
        return "META-INF/services/" + providerInterface.getName();
    }

    /**
     * Adds an entry for every provider of {@code iface} that {@code loader} declares, LOADED or FAILED.
     *
     * @param jarOrigin the plugin jar's name, or null for the class path (then each provider's code source says)
     * @param pluginLoader the plugin jar's loader, made the context loader while its providers run; null for the
     *     class path
     */
    private static <P extends ComponentProvider<?>> void scan(Class<P> iface, ComponentKind kind, ClassLoader loader,
            String jarOrigin, PluginClassLoader pluginLoader, List<Entry> out) {
        Map<String, String> declared = declaredProviders(iface, loader);
        Set<String> seen = new TreeSet<>();
        List<Throwable> unattributed = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (pluginLoader != null) {
            thread.setContextClassLoader(pluginLoader);
        }
        try {
            Iterator<ServiceLoader.Provider<P>> it = ServiceLoader.load(iface, loader).stream().iterator();
            while (unattributed.size() < MAX_FAILURES_PER_SCAN) {
                ServiceLoader.Provider<P> found;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found = it.next();
                } catch (ServiceConfigurationError | LinkageError e) {
                    unattributed.add(e); // the class did not load: named below from the services files
                    continue;
                }
                Class<? extends P> type = found.type();
                seen.add(type.getName());
                String origin = jarOrigin != null ? jarOrigin : codeSourceOrigin(type);
                P provider;
                try {
                    provider = found.get();
                } catch (ServiceConfigurationError | LinkageError e) {
                    out.add(new Entry(PluginInfo.failed(type.getName(), kind, "", origin, 0,
                            "cannot be constructed: " + causes(e) + hint(e), List.of()),
                            type.getName(), null, pluginLoader, false));
                    continue;
                }
                out.add(describe(kind, provider, origin, pluginLoader));
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        // ServiceLoader tries the declared classes in order, so the ones it could not load are, in order, the
        // declared ones it never returned.
        List<Map.Entry<String, String>> missing = declared.entrySet().stream()
                .filter(d -> !seen.contains(d.getKey())).toList();
        for (int i = 0; i < unattributed.size(); i++) {
            Throwable e = unattributed.get(i);
            String name = i < missing.size() ? missing.get(i).getKey() : "(unknown provider)";
            String origin = jarOrigin != null ? jarOrigin
                    : i < missing.size() ? missing.get(i).getValue() : "classpath";
            out.add(new Entry(PluginInfo.failed(name, kind, "", origin, 0, "cannot be loaded: " + causes(e) + hint(e),
                    List.of()), name, null, pluginLoader, false));
        }
    }

    private static String hint(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof LinkageError || root instanceof ClassNotFoundException
                || String.valueOf(e.getMessage()).endsWith(" not found")) {
            return "; a class is missing: check the META-INF/services entry and bundle the plugin's libraries into "
                    + "its jar";
        }
        return "";
    }

    /** The provider classes {@code loader}'s services files declare, in ServiceLoader's order, with their origin. */
    private static Map<String, String> declaredProviders(Class<?> iface, ClassLoader loader) {
        Map<String, String> declared = new LinkedHashMap<>();
        String resource = servicesFile(iface);
        try {
            for (URL url : Collections.list(loader.getResources(resource))) {
                String origin = originOfResource(url, resource);
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        int comment = line.indexOf('#');
                        String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                        if (!name.isEmpty()) {
                            declared.putIfAbsent(name, origin);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // ServiceLoader reads the same files and reports what it cannot read.
        }
        return declared;
    }

    /** Asks a constructed provider what it is, and refuses it when its SPI version or declarations do not fit. */
    private static Entry describe(ComponentKind kind, ComponentProvider<?> provider, String origin,
            PluginClassLoader loader) {
        String className = provider.getClass().getName();
        String name = null;
        String description = "";
        int version = 0;
        try {
            name = provider.name();
            if (name == null || name.isBlank()) {
                return new Entry(PluginInfo.failed(className, kind, "", origin, 0,
                        "name() returned no name; return the namespaced name configs use", List.of()),
                        className, provider, loader, false);
            }
            version = provider.spiVersion();
            if (version > SpiVersion.CURRENT) {
                return refused(kind, name, className, provider, origin, loader, version,
                        "built against SPI " + version + ", newer than this host's SPI " + SpiVersion.CURRENT
                                + "; upgrade Estimator4J or use a build of the plugin for SPI " + SpiVersion.CURRENT);
            }
            if (version < SpiVersion.OLDEST_SUPPORTED) {
                return refused(kind, name, className, provider, origin, loader, version,
                        "built against SPI " + version + ", older than the oldest this host runs (SPI "
                                + SpiVersion.OLDEST_SUPPORTED + "; the host's is SPI " + SpiVersion.CURRENT
                                + "); rebuild the plugin against estimator4j-spi of SPI " + SpiVersion.CURRENT);
            }
            description = provider.description();
            ComponentKind declaredKind = provider.kind();
            if (declaredKind != kind) {
                return refused(kind, name, className, provider, origin, loader, version,
                        "kind() says " + declaredKind + " but the jar registers it as a " + kind.configName()
                                + " provider; register it under the services file of its kind");
            }
            List<ParameterSpec> parameters = provider.parameters();
            String badDeclaration = ParameterValues.checkDeclarations(parameters);
            if (badDeclaration != null) {
                return refused(kind, name, className, provider, origin, loader, version, badDeclaration);
            }
            return new Entry(PluginInfo.loaded(name, kind, description, origin, version, parameters), className,
                    provider, loader, true);
        } catch (RuntimeException | LinkageError e) {
            return new Entry(PluginInfo.failed(name == null ? className : name, kind, description, origin, version,
                    "failed to describe itself: " + causes(e) + hint(e), List.of()), className, provider, loader,
                    name != null);
        }
    }

    private static Entry refused(ComponentKind kind, String name, String className, ComponentProvider<?> provider,
            String origin, PluginClassLoader loader, int version, String reason) {
        return new Entry(PluginInfo.failed(name, kind, "", origin, version, reason, List.of()), className, provider,
                loader, true);
    }

    /** {@code IllegalStateException: boom (caused by ...)}: every cause, on one line. */
    static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t != e) {
                s.append(" (caused by ");
            }
            s.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                s.append(": ").append(t.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
            }
        }
        s.append(")".repeat(Math.max(0, seen.size() - 1)));
        return s.toString();
    }

    // ---- origins

    /** A jar's file name, or a class folder's path, or {@code classpath} when the JVM does not say. */
    private static String codeSourceOrigin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "classpath";
        }
        return originOfLocation(source.getLocation());
    }

    private static String originOfLocation(URL location) {
        if (!"file".equals(location.getProtocol())) {
            return location.toString();
        }
        try {
            Path p = Path.of(location.toURI());
            return Files.isDirectory(p) ? p.toString() : p.getFileName().toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return location.toString();
        }
    }

    /** The jar or folder a resource was read from. */
    private static String originOfResource(URL url, String resource) {
        String s = url.toString();
        try {
            if (s.startsWith("jar:") && s.contains("!/")) {
                return originOfLocation(new URL(s.substring(4, s.indexOf("!/"))));
            }
            if (s.endsWith(resource)) {
                return originOfLocation(new URL(s.substring(0, s.length() - resource.length())));
            }
        } catch (IOException e) {
            // fall through
        }
        return "classpath";
    }

    private static void closeAll(List<PluginClassLoader> loaders) {
        IOException first = null;
        for (PluginClassLoader l : loaders) {
            try {
                l.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw new UncheckedIOException("cannot close a plugin jar", first);
        }
    }
}
