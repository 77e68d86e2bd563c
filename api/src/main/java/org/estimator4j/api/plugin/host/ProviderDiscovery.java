package org.estimator4j.api.plugin.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;

/**
 * Finds providers through {@link ServiceLoader}: on the class path, and in each plugin jar through the jar's own
 * {@link PluginClassLoader}. Every provider a services file declares becomes an entry, LOADED or FAILED: one that
 * cannot be loaded or constructed is named from the services files, a jar that is no plugin stands for itself, and
 * each entry says where it came from (a plugin jar's name, the class path jar or folder).
 */
final class ProviderDiscovery {
    /** A loader whose provider iterator keeps failing is given up on after this many errors. */
    private static final int MAX_FAILURES_PER_SCAN = 1000;

    private ProviderDiscovery() {}

    static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f ->
                            f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new PluginException(
                    "cannot list plugins folder " + dir.toAbsolutePath() + ": " + e + "; check its permissions", e);
        }
    }

    /** The providers of one plugin jar, each kind through the jar's own class loader. */
    static void loadJar(Path jar, ClassLoader host, List<ProviderEntry> found, List<PluginClassLoader> loaders) {
        String origin = jar.getFileName().toString();
        Set<ComponentKind> declared = EnumSet.noneOf(ComponentKind.class);
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ComponentKind kind : ComponentKind.values()) {
                if (file.getEntry(servicesFile(ComponentKinds.providerInterface(kind))) != null) {
                    declared.add(kind);
                }
            }
        } catch (IOException e) {
            found.add(jarFailure(
                    origin,
                    "cannot read the jar (" + e.getMessage() + "); replace it with a complete " + "copy or remove it"));
            return;
        }
        if (declared.isEmpty()) {
            found.add(jarFailure(
                    origin,
                    "not a plugin: it has no META-INF/services entry for any provider "
                            + "interface (org.estimator4j.spi.loss.LossProvider, ...); a plugin's libraries belong inside its "
                            + "jar, not beside it"));
            return;
        }
        PluginClassLoader loader = new PluginClassLoader(jar, host);
        loaders.add(loader);
        for (ComponentKind kind : declared) {
            scan(ComponentKinds.providerInterface(kind), kind, loader, origin, loader, found);
        }
    }

    private static ProviderEntry jarFailure(String jarName, String reason) {
        return new ProviderEntry(
                PluginInfo.failed(jarName, null, "", jarName, 0, reason, List.of()), null, null, null, false);
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
    static <P extends ComponentProvider<?>> void scan(
            Class<P> iface,
            ComponentKind kind,
            ClassLoader loader,
            String jarOrigin,
            PluginClassLoader pluginLoader,
            List<ProviderEntry> out) {
        Map<String, String> declared = declaredProviders(iface, loader);
        Set<String> seen = new TreeSet<>();
        List<Throwable> unattributed = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (pluginLoader != null) {
            thread.setContextClassLoader(pluginLoader);
        }
        try {
            Iterator<ServiceLoader.Provider<P>> it =
                    ServiceLoader.load(iface, loader).stream().iterator();
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
                    out.add(new ProviderEntry(
                            PluginInfo.failed(
                                    type.getName(),
                                    kind,
                                    "",
                                    origin,
                                    0,
                                    "cannot be constructed: " + FailureText.causes(e) + FailureText.hint(e),
                                    List.of()),
                            type.getName(),
                            null,
                            pluginLoader,
                            false));
                    continue;
                }
                out.add(ProviderCheck.describe(kind, provider, origin, pluginLoader));
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        // ServiceLoader tries the declared classes in order, so the ones it could not load are, in order, the
        // declared ones it never returned.
        List<Map.Entry<String, String>> missing = declared.entrySet().stream()
                .filter(d -> !seen.contains(d.getKey()))
                .toList();
        for (int i = 0; i < unattributed.size(); i++) {
            Throwable e = unattributed.get(i);
            String name = i < missing.size() ? missing.get(i).getKey() : "(unknown provider)";
            String origin = jarOrigin != null
                    ? jarOrigin
                    : i < missing.size() ? missing.get(i).getValue() : "classpath";
            out.add(new ProviderEntry(
                    PluginInfo.failed(
                            name,
                            kind,
                            "",
                            origin,
                            0,
                            "cannot be loaded: " + FailureText.causes(e) + FailureText.hint(e),
                            List.of()),
                    name,
                    null,
                    pluginLoader,
                    false));
        }
    }

    /** The provider classes {@code loader}'s services files declare, in ServiceLoader's order, with their origin. */
    private static Map<String, String> declaredProviders(Class<?> iface, ClassLoader loader) {
        Map<String, String> declared = new LinkedHashMap<>();
        String resource = servicesFile(iface);
        try {
            for (URL url : Collections.list(loader.getResources(resource))) {
                String origin = originOfResource(url, resource);
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
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
}
