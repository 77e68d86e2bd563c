package org.estimator4j.api.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.estimator4j.spi.ComponentProvider;

/**
 * Builds a real plugin jar in a test: compiles Java sources against the SPI classes the tests run with, and writes
 * them with {@code META-INF/services} entries into a jar. Published in the api module's test jar, so other modules'
 * tests (cli) build plugin jars with it too.
 */
public final class PluginJar {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final List<String> leaveOut = new ArrayList<>();

    public static PluginJar create() {
        return new PluginJar();
    }

    /**
     * The source of a provider class: {@code kind} is the SPI package and interface ({@code loss.LossProvider}),
     * {@code parameters} a Java expression of the declared parameters, {@code create} the body of {@code create}
     * (with {@code Parameters p}), {@code members} anything else the class needs.
     */
    public static String provider(
            String className,
            String kind,
            String name,
            String spiVersion,
            String parameters,
            String create,
            String members) {
        int dot = className.lastIndexOf('.');
        String component = kind.substring(0, kind.indexOf('.') + 1)
                + kind.substring(kind.indexOf('.') + 1).replace("Provider", "");
        return """
                package %s;

                import java.util.*;
                import org.estimator4j.spi.*;

                public class %s implements org.estimator4j.spi.%s {
                    public String name() { return "%s"; }
                    public String description() { return "%s from a test"; }
                    public List<ParameterSpec> parameters() { return %s; }
                    public org.estimator4j.spi.%s create(Parameters p) { %s }
                    public int spiVersion() { return %s; }
                    %s
                }
                """.formatted(
                        className.substring(0, dot),
                        className.substring(dot + 1),
                        kind,
                        name,
                        name,
                        parameters,
                        component,
                        create,
                        spiVersion,
                        members);
    }

    /** A provider class (see {@link #provider(String, String, String, String, String, String, String)}) and its
     * services entry. */
    public PluginJar provider(
            Class<?> providerInterface,
            String className,
            String name,
            String spiVersion,
            String parameters,
            String create,
            String members) {
        String kind = providerInterface.getName().substring("org.estimator4j.spi.".length());
        source(className, provider(className, kind, name, spiVersion, parameters, create, members));
        return service(providerInterface, className);
    }

    /** A class to compile, by fully qualified name. */
    public PluginJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** A {@code META-INF/services} line: {@code implementation} registered under {@code providerInterface}. */
    public PluginJar service(Class<?> providerInterface, String implementation) {
        services.computeIfAbsent(providerInterface.getName(), k -> new ArrayList<>())
                .add(implementation);
        return this;
    }

    /** Compiles {@code className} but leaves its class file out of the jar (a missing dependency). */
    public PluginJar without(String className) {
        leaveOut.add(className);
        return this;
    }

    /** Compiles and writes the jar; returns {@code jar}. */
    public Path writeTo(Path jar) {
        try {
            Path classes = Files.createTempDirectory("e4j-test-plugin-classes");
            try {
                compile(classes);
                write(classes, jar);
            } finally {
                try (Stream<Path> walk = Files.walk(classes)) {
                    for (Path f :
                            walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Path classes, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(os)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String entry = classes.relativize(f).toString().replace('\\', '/');
                String className =
                        entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                if (leaveOut.contains(className)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            for (Map.Entry<String, List<String>> s : services.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + s.getKey()));
                out.write(("# written by a test\n" + String.join("\n", s.getValue()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private void compile(Path classes) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            files.setLocation(StandardLocation.CLASS_PATH, List.of(spiLocation().toFile()));
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, code) -> units.add(new Source(name, code)));
            StringWriter diagnostics = new StringWriter();
            boolean ok = javac.getTask(diagnostics, files, null, List.of("--release", "17", "-proc:none"), null, units)
                    .call();
            if (!ok) {
                throw new IllegalStateException("test plugin does not compile:\n" + diagnostics);
            }
        }
    }

    /** Where the SPI classes the tests run with are: what a plugin compiles against. */
    public static Path spiLocation() {
        try {
            return Path.of(ComponentProvider.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(java.net.URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
