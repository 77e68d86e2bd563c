package org.estimator4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code e4j --version}: the project version (Maven-filtered resource), the Java runtime and the platform. */
public final class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "e4j " + projectVersion(),
            "Java "
                    + System.getProperty("java.version")
                    + " ("
                    + System.getProperty("java.vendor")
                    + ", "
                    + System.getProperty("java.vm.name")
                    + ")",
            "OS "
                    + System.getProperty("os.name")
                    + " "
                    + System.getProperty("os.version")
                    + " "
                    + System.getProperty("os.arch")
        };
    }

    /** The version Maven wrote into {@code org/estimator4j/cli/version.properties}. */
    public static String projectVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource org/estimator4j/cli/"
                        + RESOURCE
                        + " is missing from the e4j jar: rebuild it with 'mvn -B -q install -DskipTests'");
            }
            Properties props = new Properties();
            props.load(in);
            String version = props.getProperty("version", "").trim();
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("org/estimator4j/cli/"
                        + RESOURCE
                        + " was not filtered by Maven (version='"
                        + version
                        + "'): rebuild with Maven, not an IDE");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/estimator4j/cli/" + RESOURCE, e);
        }
    }
}
