package org.estimator4j.api.plugin.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin jar, child-first as in Trino's plugin class loader: the jar's own classes win, so a
 * plugin may bundle any library version it likes without clashing with the host's (Jackson, Guava, ND4J) or with
 * another plugin's. Only the JDK ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}) and the SPI
 * ({@code org.estimator4j.spi.}) come from the host, so that the host and the plugin agree on what a
 * {@code LossProvider} is; a copy of the SPI inside the jar is ignored. Nothing else of the host class path is
 * visible, not even as resources: {@link java.util.ServiceLoader} sees the jar's own {@code META-INF/services} only.
 * Classes the jar does not have fall back to the JDK's platform loader (its other packages, e.g.
 * {@code org.w3c.dom}), never to the application class path.
 */
final class PluginClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** Packages the host shares with every plugin; add one here only when the SPI starts exposing its types. */
    private static final List<String> HOST_PACKAGES =
            List.of("java.", "javax.", "jdk.", "sun.", "org.estimator4j.spi.");

    private static final List<String> HOST_RESOURCES =
            HOST_PACKAGES.stream().map(p -> p.replace('.', '/')).toList();

    private final ClassLoader host;
    private final Path jar;

    /**
     * @param jar the plugin jar
     * @param host the loader the host's SPI classes come from
     */
    PluginClassLoader(Path jar, ClassLoader host) {
        super("plugin:" + jar.getFileName(), new URL[] {url(jar)}, ClassLoader.getPlatformClassLoader());
        this.host = host;
        this.jar = jar;
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path jar() {
        return jar;
    }

    static boolean isHostClass(String className) {
        for (String p : HOST_PACKAGES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHostResource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        for (String p : HOST_RESOURCES) {
            if (path.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (isHostClass(name)) {
                    c = host.loadClass(name);
                } else {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notInJar) {
                        c = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        if (isHostResource(name)) {
            return host.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (isHostResource(name)) {
            return host.getResources(name);
        }
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    @Override
    public String toString() {
        return getName();
    }

    /** Closes every loader (their jars), then reports the first failure. */
    static void closeAll(List<PluginClassLoader> loaders) {
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
