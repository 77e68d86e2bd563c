package org.estimator4j.estimators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Estimator4J version this code was built as. Export bundles record it, so that a bundle that cannot be read
 * says which version wrote it. It comes from a resource Maven filters at build time, which works in tests and in
 * shaded jars alike; a jar manifest's Implementation-Version is the fallback for builds that skip the filtering.
 */
public final class LibraryVersion {
    private static final String RESOURCE = "version.properties";
    private static final String VERSION = read();

    private LibraryVersion() {}

    /** E.g. {@code 0.1.0}; {@code unknown} when the build recorded none (an IDE build without Maven filtering). */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties props = new Properties();
                props.load(in);
                String version = props.getProperty("version", "").trim();
                if (!version.isEmpty() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read org/estimator4j/estimators/" + RESOURCE + ": " + e.getMessage(), e);
        }
        String fromJar = LibraryVersion.class.getPackage().getImplementationVersion();
        return fromJar != null ? fromJar : "unknown";
    }
}
